package cn.shuangyong.platform.accounts.web;

import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.accounts.api.TotpEnrolment;
import cn.shuangyong.platform.accounts.api.TotpStatus;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The caller's own second factor (TOTP, RFC 6238): begin an enrolment (secret, otpauth URI, QR
 * code), confirm it with a first code, remove it with a current code. Open to an account that must
 * enrol before anything else.
 */
@Controller("/api/v1/me/totp")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
@ApiProblems
public class MySecondFactorController {
  private final SecondFactorService secondFactors;
  private final AccountRequests requests;

  MySecondFactorController(SecondFactorService secondFactors, AccountRequests requests) {
    this.secondFactors = secondFactors;
    this.requests = requests;
  }

  /** A six-digit code of the authenticator app. */
  @Serdeable
  public record CodeRequest(@Nullable @Size(max = 32) String code) {}

  /** Tells whether the caller has a second factor, has begun one, or must have one. */
  @ApiResponse(responseCode = "200", description = "The caller's second factor")
  @Get
  public TotpStatus mySecondFactor(Authentication authentication) {
    return secondFactors.status(CurrentUser.from(authentication));
  }

  /**
   * Begins an enrolment: a new secret, answered this once with its otpauth URI and a QR code (SVG)
   * for the authenticator app; pending until confirmed. Beginning again replaces a pending secret.
   */
  @ApiResponse(responseCode = "200", description = "The secret, the URI and the QR code")
  @ApiResponse(
      responseCode = "409",
      description = "A confirmed second factor is on already: remove it first",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post
  public TotpEnrolment beginTotpEnrolment(HttpRequest<?> request, Authentication authentication) {
    return secondFactors.begin(requests.actor(request, authentication));
  }

  /**
   * Confirms the pending enrolment with a current code (422 when wrong): from now on every sign-in
   * asks for a code.
   */
  @ApiResponse(responseCode = "204", description = "Enrolled")
  @ApiResponse(
      responseCode = "409",
      description = "No enrolment was begun (or it is confirmed already)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/confirm")
  public HttpResponse<Void> confirmTotpEnrolment(
      HttpRequest<?> request, Authentication authentication, @Body @Valid CodeRequest body) {
    secondFactors.confirm(requests.actor(request, authentication), body.code());
    return HttpResponse.noContent();
  }

  /**
   * Removes the caller's second factor, proven by a current code (422 when wrong); refused while
   * the caller's role requires one.
   */
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(
      responseCode = "409",
      description =
          "The caller has no second factor, or its role requires one (only an account manager's"
              + " reset removes it then)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/remove")
  public HttpResponse<Void> removeTotp(
      HttpRequest<?> request, Authentication authentication, @Body @Valid CodeRequest body) {
    secondFactors.remove(requests.actor(request, authentication), body.code());
    return HttpResponse.noContent();
  }
}
