package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.web.Messages;
import io.micronaut.http.annotation.Filter;
import java.util.Set;

/**
 * An account whose role requires a second factor ({@code shuangyong.security.totp.required-roles})
 * and that has none may only enrol one: every other API call is 403 with the problem type {@value
 * #TYPE} until it has confirmed it. Its token carries the claim {@value #CLAIM}; only those
 * requests ask the database (off the event loop) whether it has enrolled meanwhile, so the same
 * token works everywhere once it has.
 */
@Filter("/api/**")
public class TotpEnrolmentGate extends AccountGate {
  public static final String CLAIM = "totpEnrolmentRequired";
  public static final String TYPE = "https://shuangyong.cn/problems/totp-enrolment-required";
  private static final Set<String> OPEN =
      Set.of(
          "/api/v1/me",
          "/api/v1/me/totp",
          "/api/v1/me/totp/confirm",
          "/api/v1/me/totp/remove",
          "/api/v1/me/password",
          "/api/v1/me/logout-everywhere",
          "/api/v1/auth/logout",
          "/api/v1/auth/login",
          "/api/v1/auth/refresh");
  private final SecondFactorService secondFactors;

  TotpEnrolmentGate(SecondFactorService secondFactors, Messages messages) {
    super(CLAIM, TYPE, "totp.enrolment-required", OPEN, messages);
    this.secondFactors = secondFactors;
  }

  @Override
  boolean stillHeld(String username) {
    return secondFactors.enrolmentRequired(username);
  }
}
