package cn.shuangyong.platform.time;

import java.time.ZoneId;

/** The platform's one time zone: dates (deadlines, years, "today") are China's. */
public final class ChinaTime {
  public static final String ZONE_ID = "Asia/Shanghai";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private ChinaTime() {}
}
