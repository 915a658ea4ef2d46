package cn.shuangyong.ui.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.ZoneId;

/** The time zone the UI shows times in (China Standard Time unless configured). */
@Singleton
public class UiClock {
  private final ZoneId zone;

  public UiClock(@Value("${shuangyong.ui.time-zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public ZoneId zone() {
    return zone;
  }
}
