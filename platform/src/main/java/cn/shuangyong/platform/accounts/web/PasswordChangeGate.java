package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.web.Messages;
import io.micronaut.http.annotation.Filter;
import java.util.Set;

/**
 * An account signed in with a one-time password (new, or reset) may only change it: every other API
 * call is 403 with the problem type {@value #TYPE} until it has. The token of such a sign-in
 * carries the claim {@value #CLAIM}; only those requests ask the database (off the event loop)
 * whether the change was made meanwhile, every other request passes untouched.
 */
@Filter("/api/**")
public class PasswordChangeGate extends AccountGate {
  public static final String CLAIM = "mustChangePassword";
  public static final String TYPE = "https://shuangyong.cn/problems/password-change-required";
  private static final Set<String> OPEN =
      Set.of(
          "/api/v1/me",
          "/api/v1/me/password",
          "/api/v1/me/logout-everywhere",
          "/api/v1/auth/logout",
          "/api/v1/auth/login",
          "/api/v1/auth/refresh");
  private final AccountService accounts;

  PasswordChangeGate(AccountService accounts, Messages messages) {
    super(CLAIM, TYPE, "account.password.change-required", OPEN, messages);
    this.accounts = accounts;
  }

  @Override
  boolean stillHeld(String username) {
    return accounts.mustChangePassword(username);
  }
}
