package cn.shuangyong.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's one {@link Clock}: the time of its base clock (the system's, or the test kit's
 * hand-moved one), except on a thread that is {@linkplain #replaying replaying} a past step, which
 * reads the step's time instead.
 *
 * <p>Why: the demo province is seeded through the real workflow services (submit, accept, report,
 * complete, confirm), which stamp every history line, notification, audit entry and outbox event
 * with {@code clock.instant()}. Replaying each step at its believable past time gives histories,
 * figures and notifications that agree with each other, without a second way into the services
 * ("now" passed as a parameter) and without moving the time of anything else: the override holds
 * for the replaying thread only, and only for the duration of the step, so requests, scheduled jobs
 * and token checks running meanwhile on other threads keep reading the base clock. The override is
 * state of this bean (one {@link ThreadLocal} shared by its {@link #withZone} copies), not static.
 */
public class ApplicationClock extends Clock {
  private final Clock base;
  private final ThreadLocal<Instant> replayed;

  public ApplicationClock(Clock base) {
    this(base, new ThreadLocal<>());
  }

  /** A copy over another base (another zone) that shares the replayed time. */
  protected ApplicationClock(Clock base, ThreadLocal<Instant> replayed) {
    this.base = Objects.requireNonNull(base);
    this.replayed = Objects.requireNonNull(replayed);
  }

  /** The same clock seen in another zone: for a subclass's own {@link #withZone}. */
  protected final ThreadLocal<Instant> replayed() {
    return replayed;
  }

  /**
   * Runs {@code step} on this thread as if it were {@code at}: every read of this clock (and of its
   * {@code withZone} copies) on this thread answers {@code at} until the step returns. Steps do not
   * nest: each says its own time. Only for replaying past steps (seeding demo data).
   */
  public <T> T replaying(Instant at, Supplier<T> step) {
    Objects.requireNonNull(at);
    if (replayed.get() != null) {
      throw new IllegalStateException("already replaying " + replayed.get());
    }
    replayed.set(at);
    try {
      return step.get();
    } finally {
      replayed.remove();
    }
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(base.getZone()) ? this : new ApplicationClock(base.withZone(zone), replayed);
  }

  @Override
  public Instant instant() {
    Instant at = replayed.get();
    return at != null ? at : base.instant();
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }
}
