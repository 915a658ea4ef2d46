package cn.shuangyong.platform.security;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;

/** {@code GET /api/v1/me}: who the token belongs to. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Auth")
@ApiProblems
public class MeController {

  @Serdeable
  public record Me(
      String username,
      String displayName,
      @Nullable String tenant,
      Collection<String> roles,
      @Nullable String region,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId) {}

  /** Who the caller is: roles, tenant, region and unit. */
  @Get
  public Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.from(authentication);
    return new Me(
        user.username(),
        user.displayName(),
        user.tenant(),
        CurrentUser.roleNames(user.roles()),
        user.region(),
        user.garrisonUnitId(),
        user.responsibleUnitId());
  }
}
