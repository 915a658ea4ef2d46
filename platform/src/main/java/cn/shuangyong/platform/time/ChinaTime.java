package cn.shuangyong.platform.time;

import java.time.ZoneId;

/**
 * The platform's one time zone: China Standard Time. Dates (deadlines, years, "today") and the
 * times shown to users are in it; stored instants are zone-free. "Now" comes from the injected
 * {@link java.time.Clock}, whose zone is this one.
 */
public final class ChinaTime {
  /** For annotations that take a zone by name ({@code @Scheduled(zoneId = …)}). */
  public static final String ZONE_ID = "Asia/Shanghai";

  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private ChinaTime() {}
}
