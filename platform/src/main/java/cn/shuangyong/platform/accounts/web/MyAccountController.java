package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.web.ApiProblems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Every signed-in person's own password and sessions ({@code api-contract.md}, Accounts). These two
 * calls stay open to an account that must change its password first.
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
@ApiProblems
public class MyAccountController {
  private final AccountService accounts;
  private final AccountRequests requests;

  MyAccountController(AccountService accounts, AccountRequests requests) {
    this.accounts = accounts;
    this.requests = requests;
  }

  @Serdeable
  public record PasswordChange(
      @NotBlank @Size(max = 128) String currentPassword,
      @NotBlank @Size(max = 128) String newPassword) {}

  /**
   * Changes the caller's password: the current one checked, the policy and the last five refused
   * (422); every other token of the account stops working, this one keeps working.
   */
  @ApiResponse(responseCode = "204", description = "Changed")
  @Post("/password")
  public HttpResponse<Void> changeMyPassword(
      HttpRequest<?> request, Authentication authentication, @Body @Valid PasswordChange body) {
    accounts.changeOwnPassword(
        requests.actor(request, authentication), body.currentPassword(), body.newPassword());
    return HttpResponse.noContent();
  }

  /** Ends every session of the caller's account, this one included. */
  @ApiResponse(responseCode = "204", description = "Every token of the account revoked")
  @Post("/logout-everywhere")
  public HttpResponse<Void> logoutEverywhere(
      HttpRequest<?> request, Authentication authentication) {
    accounts.logoutEverywhere(requests.actor(request, authentication));
    return HttpResponse.noContent();
  }
}
