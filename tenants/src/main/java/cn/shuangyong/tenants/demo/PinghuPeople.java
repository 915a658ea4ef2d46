package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Pinghu as one of the demo's people enters it, for the stories told through the real services. */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
class PinghuPeople {
  private final TenantDirectory directory;
  private final UserDirectory users;

  PinghuPeople(TenantDirectory directory, UserDirectory users) {
    this.directory = directory;
    this.users = users;
  }

  /** Pinghu as the demo account {@code username}, with its roles and unit. */
  TenantContext enter(String username) {
    CurrentUser user =
        users
            .find(username)
            .map(users::toCurrentUser)
            .orElseThrow(() -> new IllegalStateException("demo account missing: " + username));
    return directory.enter(user, PinghuNeedsStory.TENANT);
  }
}
