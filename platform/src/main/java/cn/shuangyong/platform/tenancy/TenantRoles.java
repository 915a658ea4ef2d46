package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseSettings;
import cn.shuangyong.platform.identity.CurrentUser;
import jakarta.inject.Singleton;

/** Names of the per-tenant database roles, and the only factory of {@link TenantContext}s. */
@Singleton
public class TenantRoles {
  private final DatabaseSettings settings;

  public TenantRoles(DatabaseSettings settings) {
    this.settings = settings;
  }

  public String roleOf(TenantCode code) {
    return settings.rolePrefix() + code.value();
  }

  public String appLoginRole() {
    return settings.appUser();
  }

  TenantContext contextOf(TenantCode code, CurrentUser caller, boolean readOnly) {
    return new TenantContext(code, roleOf(code), caller, readOnly);
  }
}
