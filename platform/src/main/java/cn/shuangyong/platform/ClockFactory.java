package cn.shuangyong.platform;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of the application; tests replace it to fix time. */
@Factory
public class ClockFactory {
  @Singleton
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
