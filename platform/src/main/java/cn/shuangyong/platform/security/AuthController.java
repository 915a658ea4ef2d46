package cn.shuangyong.platform.security;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.accounts.web.PasswordChangeGate;
import cn.shuangyong.platform.accounts.web.TotpEnrolmentGate;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.ratelimit.RateLimitVerdict;
import cn.shuangyong.platform.ratelimit.SignInThrottle;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ProblemResponses;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
  private final AccountService accounts;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final SecondFactorService secondFactors;

  AuthController(
      CredentialCheck credentials,
      TokenService tokens,
      UserDirectory users,
      ClientAddress clientAddress,
      ProblemResponses problems,
      AuditLog audit,
      AccountService accounts,
      Clock clock,
      SignInThrottle throttle,
      SecondFactorService secondFactors) {
    this.secondFactors = secondFactors;
    this.throttle = throttle;
    this.credentials = credentials;
    this.tokens = tokens;
    this.users = users;
    this.clientAddress = clientAddress;
    this.problems = problems;
    this.audit = audit;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The problem type of a sign-in whose password is right and whose TOTP code is missing. */
  public static final String TOTP_REQUIRED = "https://shuangyong.cn/problems/totp-required";

  /** The problem type of a sign-in whose TOTP code is wrong or was used before. */
  public static final String TOTP_INVALID = "https://shuangyong.cn/problems/totp-invalid";

  /**
   * The sign-in; {@code totp}, the six-digit code of the account's second factor, is needed only
   * for an account that has one.
   */
  @Serdeable
  public record LoginRequest(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 128) String password,
      @Nullable @Size(max = 32) String totp) {}

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

  /**
   * Signs in: an access token and a one-time refresh token.
   *
   * <p>An account with a second factor also sends {@code totp}: without it the answer is 401 with
   * the problem type {@code …/problems/totp-required}; a wrong or replayed code is 401 {@code
   * …/problems/totp-invalid} and counts as a failed attempt toward the lockout. An account whose
   * role requires a second factor it has not enrolled gets a token that only reaches {@code
   * /api/v1/me}, {@code /api/v1/me/totp…} and sign-out (403 {@code
   * …/problems/totp-enrolment-required} elsewhere) until it has.
   */
  @ApiResponse(responseCode = "200", description = "Signed in")
  @ApiResponse(
      responseCode = "401",
      description =
          "Wrong credentials (the same answer for an unknown user); or, with the problem types"
              + " …/problems/totp-required and …/problems/totp-invalid, a second-factor code that"
              + " is missing or wrong",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
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
    String address = clientAddress.of(request);
    RateLimitVerdict verdict = throttle.attempt(address, body.username());
    if (!verdict.allowed()) {
      return problems
          .of(
              request,
              HttpStatus.TOO_MANY_REQUESTS,
              "problem.rate-limited",
              verdict.retryAfterSeconds())
          .header("Retry-After", Long.toString(verdict.retryAfterSeconds()));
    }
    CredentialCheck.Result result =
        credentials.check(
            body.username(), body.password(), body.totp(), address, CredentialCheck.Channel.API);
    return switch (result.outcome()) {
      case SUCCESS -> HttpResponse.ok(TokenResponse.of(issue(result.user())));
      case INVALID -> problems.of(request, HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
      case TOTP_REQUIRED ->
          problems.typed(request, HttpStatus.UNAUTHORIZED, TOTP_REQUIRED, "auth.totp.required");
      case TOTP_INVALID ->
          problems.typed(request, HttpStatus.UNAUTHORIZED, TOTP_INVALID, "auth.totp.invalid");
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
        .refresh(body.refreshToken(), this::refreshable)
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
    // an account on a one-time password gets a token that may only change it (PasswordChangeGate),
    // one that must enrol a second factor first a token that may only enrol (TotpEnrolmentGate)
    Map<String, Object> claims = new HashMap<>();
    if (accounts.mustChangePassword(user.username())) {
      claims.put(PasswordChangeGate.CLAIM, true);
    }
    if (secondFactors.enrolmentRequired(user.username())) {
      claims.put(TotpEnrolmentGate.CLAIM, true);
    }
    return claims.isEmpty() ? tokens.issue(user, userId) : tokens.issue(user, userId, claims);
  }

  /**
   * Who a refresh token's account is now; none while it must change its password or enrol a second
   * factor first.
   */
  private Optional<CurrentUser> refreshable(long userId) {
    return users
        .activeUser(userId)
        .filter(user -> !accounts.mustChangePassword(user.username()))
        .filter(user -> !secondFactors.enrolmentRequired(user.username()));
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
