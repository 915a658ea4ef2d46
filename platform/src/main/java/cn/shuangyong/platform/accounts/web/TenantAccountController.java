package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.Account;
import cn.shuangyong.platform.accounts.api.AccountChanges;
import cn.shuangyong.platform.accounts.api.AccountContact;
import cn.shuangyong.platform.accounts.api.AccountForm;
import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.accounts.api.AccountWithPassword;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;

/**
 * A tenant's accounts ({@code api-contract.md}, Accounts): its city admin manages them (city roles
 * only), the platform admin sets up its office. Another tenant's account, or a tenant the caller
 * does not manage, is 404; a tenant's own staff get 403.
 */
@Controller("/api/v1/tenants/{tenant}/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
@ApiProblems
public class TenantAccountController {
  private final AccountService accounts;
  private final AccountRequests requests;

  TenantAccountController(AccountService accounts, AccountRequests requests) {
    this.accounts = accounts;
    this.requests = requests;
  }

  /** The tenant's accounts, by login name; filters {@code role}, {@code status}, {@code q}. */
  @Get
  public PageResponse<Account> listTenantAccounts(
      String tenant,
      Authentication authentication,
      @Nullable @QueryValue String role,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size) {
    AccountService.AccountPage result =
        accounts.list(
            CurrentUser.from(authentication),
            tenant,
            AccountRequests.filter(role, status, q, page, size),
            page,
            size);
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** One account of the tenant. */
  @Get("/{id}")
  public Account tenantAccount(String tenant, long id, Authentication authentication) {
    return accounts.find(CurrentUser.from(authentication), tenant, id);
  }

  /**
   * The account's phone and e-mail in plain, audited. For the tenant's city admin and the platform
   * admin; each answer is recorded in the audit trail as PERSONAL_DATA_UNMASKED. Lists and details
   * answer both masked.
   */
  @Get("/{id}/contact")
  public AccountContact tenantAccountContact(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    return accounts.contact(requests.actor(request, authentication), tenant, id);
  }

  /** Creates an account with a one-time initial password (answered once). */
  @ApiResponse(
      responseCode = "201",
      description = "Created; initialPassword is shown once and must be changed at first sign-in")
  @ApiResponse(
      responseCode = "409",
      description = "The username is taken",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post
  public HttpResponse<AccountWithPassword> createTenantAccount(
      String tenant,
      HttpRequest<?> request,
      Authentication authentication,
      @Body @Valid AccountForm form) {
    AccountWithPassword created =
        accounts.create(requests.actor(request, authentication), tenant, form);
    return HttpResponse.created(
        created, URI.create("/api/v1/tenants/" + tenant + "/users/" + created.account().id()));
  }

  /** Changes display name, roles, unit binding and contact. */
  @Put("/{id}")
  public Account updateTenantAccount(
      String tenant,
      long id,
      HttpRequest<?> request,
      Authentication authentication,
      @Body @Valid AccountChanges changes) {
    return accounts.update(requests.actor(request, authentication), tenant, id, changes);
  }

  /** Disables the account; its tokens stop working at once. */
  @Post("/{id}/disable")
  public Account disableTenantAccount(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    return accounts.disable(requests.actor(request, authentication), tenant, id);
  }

  /** Enables a disabled account again; it signs in with its current password. */
  @Post("/{id}/enable")
  public Account enableTenantAccount(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    return accounts.enable(requests.actor(request, authentication), tenant, id);
  }

  /** Lifts the lockout after repeated failed sign-ins. */
  @Post("/{id}/unlock")
  public Account unlockTenantAccount(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    return accounts.unlock(requests.actor(request, authentication), tenant, id);
  }

  /** A new one-time password; the account's tokens stop working at once. */
  @Post("/{id}/reset-password")
  public AccountWithPassword resetTenantAccountPassword(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    return accounts.resetPassword(requests.actor(request, authentication), tenant, id);
  }

  /**
   * Removes the account's second factor (a lost phone), audited; its tokens stop working at once,
   * and it signs in with its password alone until it enrols again.
   */
  @ApiResponse(responseCode = "204", description = "The second factor is removed")
  @Post("/{id}/reset-totp")
  public HttpResponse<Void> resetTenantAccountTotp(
      String tenant, long id, HttpRequest<?> request, Authentication authentication) {
    accounts.resetSecondFactor(requests.actor(request, authentication), tenant, id);
    return HttpResponse.noContent();
  }
}
