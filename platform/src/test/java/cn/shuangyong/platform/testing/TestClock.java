package cn.shuangyong.platform.testing;

import cn.shuangyong.platform.time.ApplicationClock;
import cn.shuangyong.platform.time.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test kit's clock: it stands still until the test moves it, so a test of expiry or deadlines
 * advances time instead of sleeping. Active when a test sets {@code shuangyong.test.clock=manual}
 * ({@link TestClockFactory}); inject it as {@code TestClock}. It is an {@link ApplicationClock}
 * (the demo seeder replays its steps on it as on the real one).
 */
public final class TestClock extends ApplicationClock {
  private final AtomicReference<Instant> now;

  public TestClock(Instant start) {
    this(new AtomicReference<>(start), ChinaTime.ZONE, new ThreadLocal<>());
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone, ThreadLocal<Instant> replayed) {
    super(new Hand(now, zone), replayed);
    this.now = now;
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(now, other, replayed());
  }

  /** The hand-moved time itself, in one zone. */
  private static final class Hand extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    Hand(AtomicReference<Instant> now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Hand(now, other);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
