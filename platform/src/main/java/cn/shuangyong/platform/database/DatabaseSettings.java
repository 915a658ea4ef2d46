package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the platform talks to PostgreSQL beyond the standard {@code datasources.default} (the owner
 * connection that runs migrations and provisioning).
 *
 * @param appUser login role of the tenant pool: NOINHERIT, owns nothing, member of every tenant
 *     role
 * @param appPassword its password, (re)set at each start; the launcher generates one for a single
 *     node when none is configured (set it when several nodes share one database)
 * @param platformUser login role of the platform pool (platform-schema work at run time): owns
 *     nothing; on the audit trail it may only insert and select
 * @param platformPassword its password, (re)set at each start like {@code appPassword}
 * @param rolePrefix prefix of the per-tenant NOLOGIN roles ({@code tenant_pinghu})
 * @param tenantPoolSize maximum connections of the tenant pool
 * @param migrationThreads how many tenant schemas are migrated at once at startup
 */
@ConfigurationProperties("shuangyong.db")
public record DatabaseSettings(
    @Bindable(defaultValue = "shuangyong_app") String appUser,
    @Nullable String appPassword,
    @Bindable(defaultValue = "shuangyong_platform") String platformUser,
    @Nullable String platformPassword,
    @Bindable(defaultValue = "tenant_") String rolePrefix,
    @Bindable(defaultValue = "16") int tenantPoolSize,
    @Bindable(defaultValue = "2") int migrationThreads) {

  public DatabaseSettings {
    if (!appUser.matches("[a-z][a-z0-9_]{1,40}")) {
      throw new IllegalArgumentException("shuangyong.db.app-user must match [a-z][a-z0-9_]{1,40}");
    }
    if (!platformUser.matches("[a-z][a-z0-9_]{1,40}") || platformUser.equals(appUser)) {
      throw new IllegalArgumentException(
          "shuangyong.db.platform-user must match [a-z][a-z0-9_]{1,40} and differ from app-user");
    }
    if (!rolePrefix.matches("[a-z][a-z0-9_]{0,20}")) {
      throw new IllegalArgumentException(
          "shuangyong.db.role-prefix must match [a-z][a-z0-9_]{0,20}");
    }
  }
}
