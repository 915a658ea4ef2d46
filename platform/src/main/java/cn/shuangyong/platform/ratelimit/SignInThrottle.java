package cn.shuangyong.platform.ratelimit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sign-in limits, asked before the password is checked by both the API's login and the UI's
 * login form: every attempt counts against its client address and against the name it tries,
 * success or not. A refused attempt costs no password hash and no database write.
 */
@Singleton
public class SignInThrottle {
  private final RateLimiter limiter;
  private final RateLimits limits;

  public SignInThrottle(RateLimiter limiter, RateLimits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  /** Waits for the verdict: call it on a worker thread, never on the event loop. */
  public RateLimitVerdict attempt(@Nullable String address, @Nullable String username) {
    List<RateLimiter.Check> checks = new ArrayList<>(2);
    if (address != null && !address.isBlank()) {
      checks.add(new RateLimiter.Check(limits.signInPerAddress(), address));
    }
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (!name.isEmpty()) {
      checks.add(new RateLimiter.Check(limits.signInPerAccount(), name));
    }
    return limiter.tryAcquireAllBlocking(checks);
  }
}
