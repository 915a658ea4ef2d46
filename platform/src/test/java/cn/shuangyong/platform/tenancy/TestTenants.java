package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The test kit's door into a tenant: a context for a fixture tenant without a request, as a
 * tenant's own user of the given role (or a supervisor's read-only one). Only tests have it; main
 * code enters through {@link TenantDirectory#enter} and {@link TenantJobs}.
 */
public final class TestTenants {
  private final TenantRoles roles;
  private final TenantRepository tenants;

  public TestTenants(ApplicationContext context) {
    this.roles = context.getBean(TenantRoles.class);
    this.tenants = context.getBean(TenantRepository.class);
  }

  /** How many tenants are registered, whatever their status. */
  public int registered() {
    return tenants.findAllOrderByCode().size();
  }

  /** A context of {@code tenant} for a user of it with {@code role}. */
  public TenantContext as(String tenant, Role role) {
    CurrentUser user =
        new CurrentUser(
            "test." + role.name().toLowerCase(), "测试", Set.of(role), tenant, null, null, null);
    return roles.contextOf(new TenantCode(tenant), user, role == Role.SUPERVISOR);
  }

  /** A context as the tenant's city admin: for setting up data. */
  public TenantContext admin(String tenant) {
    return as(tenant, Role.CITY_ADMIN);
  }
}
