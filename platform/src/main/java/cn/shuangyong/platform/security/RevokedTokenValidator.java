package cn.shuangyong.platform.security;

import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Refuses access tokens without a {@code jti} or whose {@code jti} was revoked by a logout. It runs
 * on the web server's event loop, so it answers from memory ({@link RevocationList}) and never
 * waits for Redis or PostgreSQL; when this node cannot vouch for the list (PostgreSQL unread for
 * longer than the staleness limit) the request is answered 503 with Retry-After, not let in.
 */
@Singleton
public class RevokedTokenValidator<T> implements GenericJwtClaimsValidator<T> {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
  private final TokenService tokens;

  public RevokedTokenValidator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean validate(@NonNull Claims claims, @Nullable T request) {
    Object jti = claims.get("jti");
    if (jti == null) {
      return false;
    }
    return switch (tokens.verdict(jti.toString())) {
      case VALID -> true;
      case REVOKED -> false;
      case UNSURE ->
          throw ProblemException.unavailable(RETRY_AFTER, "auth.revocations-unconfirmed");
    };
  }
}
