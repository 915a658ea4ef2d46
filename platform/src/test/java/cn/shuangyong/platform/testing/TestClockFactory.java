package cn.shuangyong.platform.testing;

import cn.shuangyong.platform.ClockFactory;
import cn.shuangyong.platform.time.ApplicationClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Replaces the application's clock by a {@link TestClock} when a test asks for it. */
@Factory
@Requires(property = TestClockFactory.PROPERTY, value = "manual")
public class TestClockFactory {
  public static final String PROPERTY = "shuangyong.test.clock";

  @Singleton
  @Replaces(bean = ApplicationClock.class, factory = ClockFactory.class)
  TestClock clock() {
    return new TestClock(Instant.parse("2026-06-15T02:00:00Z"));
  }
}
