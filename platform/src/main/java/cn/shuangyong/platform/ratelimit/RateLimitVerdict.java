package cn.shuangyong.platform.ratelimit;

import java.time.Duration;

/**
 * Whether a request may go on, and if not, how long its subject must wait ({@code Retry-After}).
 */
public record RateLimitVerdict(boolean allowed, Duration retryAfter) {
  static final RateLimitVerdict ALLOWED = new RateLimitVerdict(true, Duration.ZERO);

  /** Whole seconds for {@code Retry-After}, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
