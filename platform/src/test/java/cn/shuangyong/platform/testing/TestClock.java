package cn.shuangyong.platform.testing;

import cn.shuangyong.platform.time.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test kit's clock: it stands still until the test moves it, so a test of expiry or deadlines
 * advances time instead of sleeping. Active when a test sets {@code shuangyong.test.clock=manual}
 * ({@link TestClockFactory}); inject it as {@code TestClock}.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public TestClock(Instant start) {
    this(new AtomicReference<>(start), ChinaTime.ZONE);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(now, other);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
