package cn.shuangyong.platform;

import cn.shuangyong.platform.time.ChinaTime;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of the application, in {@link ChinaTime#ZONE} (so {@code LocalDate.now(clock)} is
 * China's date whatever the server's zone); tests replace it to fix time.
 */
@Factory
public class ClockFactory {
  @Singleton
  Clock clock() {
    return Clock.system(ChinaTime.ZONE);
  }
}
