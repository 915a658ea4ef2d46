package cn.shuangyong.platform.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The configured limits ({@code shuangyong.rate-limit.*}, README "Configuration"): sign-ins per
 * client address (every attempt, whatever the name, so a burst of many names from one address is
 * slowed, not only repeated failures of one name, which the lockout handles) and per account name,
 * and API requests per client address and per signed-in account.
 */
@Singleton
public class RateLimits {
  private final RateLimit signInPerAddress;
  private final RateLimit signInPerAccount;
  private final RateLimit apiPerAddress;
  private final RateLimit apiPerAccount;

  public RateLimits(
      @Value("${shuangyong.rate-limit.sign-in-per-address:20}") long signInPerAddress,
      @Value("${shuangyong.rate-limit.sign-in-per-account:10}") long signInPerAccount,
      @Value("${shuangyong.rate-limit.sign-in-period:1m}") Duration signInPeriod,
      @Value("${shuangyong.rate-limit.api-per-address:6000}") long apiPerAddress,
      @Value("${shuangyong.rate-limit.api-per-account:3000}") long apiPerAccount,
      @Value("${shuangyong.rate-limit.api-period:1m}") Duration apiPeriod) {
    this.signInPerAddress = new RateLimit("signin-ip", signInPerAddress, signInPeriod);
    this.signInPerAccount = new RateLimit("signin-user", signInPerAccount, signInPeriod);
    this.apiPerAddress = new RateLimit("api-ip", apiPerAddress, apiPeriod);
    this.apiPerAccount = new RateLimit("api-user", apiPerAccount, apiPeriod);
  }

  public RateLimit signInPerAddress() {
    return signInPerAddress;
  }

  public RateLimit signInPerAccount() {
    return signInPerAccount;
  }

  public RateLimit apiPerAddress() {
    return apiPerAddress;
  }

  public RateLimit apiPerAccount() {
    return apiPerAccount;
  }
}
