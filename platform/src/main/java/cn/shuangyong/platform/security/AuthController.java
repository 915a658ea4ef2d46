package cn.shuangyong.platform.security;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ProblemResponses;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Sign-in, token refresh and sign-out of the REST API ({@code api-contract.md}, Auth). */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
@ApiProblems
public class AuthController {
  private final CredentialCheck credentials;
  private final TokenService tokens;
  private final UserDirectory users;
  private final ClientAddress clientAddress;
  private final ProblemResponses problems;
  private final AuditLog audit;
  private final Clock clock;

  AuthController(
      CredentialCheck credentials,
      TokenService tokens,
      UserDirectory users,
      ClientAddress clientAddress,
      ProblemResponses problems,
      AuditLog audit,
      Clock clock) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.users = users;
    this.clientAddress = clientAddress;
    this.problems = problems;
    this.audit = audit;
    this.clock = clock;
  }

  @Serdeable
  public record LoginRequest(
      @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {}

  @Serdeable
  public record RefreshRequest(@NotBlank @JsonProperty("refresh_token") String refreshToken) {}

  @Serdeable
  public record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("refresh_token") String refreshToken) {
    static TokenResponse of(TokenService.Tokens tokens) {
      return new TokenResponse(
          tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken());
    }
  }

  /** Signs in: an access token and a one-time refresh token. */
  @ApiResponse(
      responseCode = "423",
      description = "The account is locked for a while after repeated failures",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/login")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> login(HttpRequest<?> request, @Body @Valid LoginRequest body) {
    CredentialCheck.Result result =
        credentials.check(
            body.username(),
            body.password(),
            clientAddress.of(request),
            CredentialCheck.Channel.API);
    return switch (result.outcome()) {
      case SUCCESS -> HttpResponse.ok(TokenResponse.of(issue(result.user())));
      case INVALID -> problems.of(request, HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
      case LOCKED ->
          problems
              .of(request, HttpStatus.LOCKED, "auth.locked", format(result.lockedUntil()))
              .header("Retry-After", Long.toString(secondsUntil(result.lockedUntil())));
    };
  }

  /** Exchanges a refresh token for new tokens (once). */
  @Post("/refresh")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> refresh(HttpRequest<?> request, @Body @Valid RefreshRequest body) {
    // a disabled or locked account's refresh token stops working; one used twice ends its family
    return tokens
        .refresh(body.refreshToken(), users::activeUser)
        .<HttpResponse<?>>map(issued -> HttpResponse.ok(TokenResponse.of(issued)))
        .orElseGet(() -> problems.of(request, HttpStatus.UNAUTHORIZED, "auth.refresh-invalid"));
  }

  /** Signs out: revokes the caller's tokens. */
  @Post("/logout")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<Void> logout(HttpRequest<?> request, Authentication authentication) {
    Object jti = authentication.getAttributes().get("jti");
    if (jti == null) {
      throw ProblemException.forbidden();
    }
    tokens.revoke(jti.toString(), expiryOf(authentication));
    CurrentUser user = CurrentUser.from(authentication);
    audit.record(
        new AuditLog.Entry(
            user.username(),
            user.tenant(),
            "LOGOUT",
            "API",
            "SUCCESS",
            clientAddress.of(request),
            null));
    return HttpResponse.noContent();
  }

  private TokenService.Tokens issue(CurrentUser user) {
    long userId =
        users.find(user.username()).map(UserAccount::id).orElseThrow(ProblemException::notFound);
    return tokens.issue(user, userId);
  }

  private Instant expiryOf(Authentication authentication) {
    Object exp = authentication.getAttributes().get("exp");
    if (exp instanceof Date date) {
      return date.toInstant();
    }
    if (exp instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return clock.instant().plusSeconds(24 * 3600);
  }

  private static String format(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE).format(instant);
  }

  private long secondsUntil(Instant instant) {
    return Math.max(1, instant.getEpochSecond() - clock.instant().getEpochSecond());
  }
}
