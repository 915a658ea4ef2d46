package cn.shuangyong.platform;

import cn.shuangyong.platform.time.ApplicationClock;
import cn.shuangyong.platform.time.ChinaTime;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of the application, in {@link ChinaTime#ZONE} (so {@code LocalDate.now(clock)} is
 * China's date whatever the server's zone); tests replace it to fix time. It is an {@link
 * ApplicationClock}, so the demo seeder can replay past workflow steps at their own time.
 */
@Factory
public class ClockFactory {
  @Singleton
  ApplicationClock clock() {
    return new ApplicationClock(Clock.system(ChinaTime.ZONE));
  }
}
