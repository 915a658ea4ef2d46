package cn.shuangyong.platform.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses access tokens without a {@code jti} or whose {@code jti} was revoked by a logout. */
@Singleton
public class RevokedTokenValidator<T> implements GenericJwtClaimsValidator<T> {
  private final TokenService tokens;

  public RevokedTokenValidator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean validate(@NonNull Claims claims, @Nullable T request) {
    Object jti = claims.get("jti");
    return jti != null && !tokens.isRevoked(jti.toString());
  }
}
