package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.AccountFilter;
import cn.shuangyong.platform.accounts.api.AccountStatus;
import cn.shuangyong.platform.accounts.api.Actor;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.security.ClientAddress;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Set;

/** What the account controllers take from a request: the actor with its address, the filters. */
@Singleton
class AccountRequests {
  private final ClientAddress clientAddress;

  AccountRequests(ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
  }

  Actor actor(HttpRequest<?> request, Authentication authentication) {
    Object jti = authentication.getAttributes().get("jti");
    return new Actor(
        CurrentUser.from(authentication),
        clientAddress.of(request),
        jti == null ? null : jti.toString(),
        null);
  }

  static AccountFilter filter(
      @Nullable String role, @Nullable String status, @Nullable String q, int page, int size) {
    PageParameters.of(page, size, null, Set.of());
    AccountStatus parsed = null;
    if (status != null && !status.isBlank()) {
      try {
        parsed = AccountStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw ValidationException.malformed("status", "account.status.unknown");
      }
    }
    return new AccountFilter(
        role == null || role.isBlank() ? null : role, parsed, q == null || q.isBlank() ? null : q);
  }
}
