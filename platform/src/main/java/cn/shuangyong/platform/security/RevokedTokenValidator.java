package cn.shuangyong.platform.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses access tokens without a {@code jti} or whose {@code jti} was revoked by a logout. */
@Singleton
public class RevokedTokenValidator implements JwtClaimsValidator<HttpRequest<?>> {
  private final TokenService tokens;

  public RevokedTokenValidator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean validate(@NonNull Claims claims, @Nullable HttpRequest<?> request) {
    Object jti = claims.get("jti");
    return jti != null && !tokens.isRevoked(jti.toString());
  }
}
