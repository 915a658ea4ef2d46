package cn.shuangyong.platform.testing;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Region;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantProvisioner;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * Declared fixtures: a test names the regions, tenants and users it needs; each is created once per
 * database and reused by later tests (names are chosen per test class to stay apart).
 */
public final class PlatformFixtures {
  public static final String PASSWORD = "Fixture@2026";
  private final TenantDirectory directory;
  private final TenantProvisioner provisioner;
  private final UserDirectory users;

  public PlatformFixtures(ApplicationContext context) {
    this.directory = context.getBean(TenantDirectory.class);
    this.provisioner = context.getBean(TenantProvisioner.class);
    this.users = context.getBean(UserDirectory.class);
  }

  public synchronized Region region(
      String code, AdministrativeLevel level, @Nullable String parent) {
    return directory
        .region(code)
        .orElseGet(
            () ->
                directory.addRegion(
                    code,
                    "测试" + code,
                    level,
                    parent == null ? null : directory.region(parent).orElseThrow()));
  }

  /** A province and tenants below it: the usual world of a test that needs a few tenants. */
  public synchronized void province(String code, String... tenants) {
    region(code, AdministrativeLevel.PROVINCE, null);
    for (String tenant : tenants) {
      tenant(tenant, code);
    }
  }

  /** A tenant with its own region node under {@code parentRegion}. */
  public synchronized Tenant tenant(String code, String parentRegion) {
    return directory
        .find(code)
        .orElseGet(
            () -> {
              region(code, AdministrativeLevel.COUNTY, parentRegion);
              return provisioner.provision(
                  new TenantProvisioner.NewTenant(
                      new TenantCode(code),
                      "测试" + code,
                      AdministrativeLevel.COUNTY,
                      code,
                      parentRegion,
                      null,
                      "{}"),
                  "fixture");
            });
  }

  public synchronized UserAccount user(
      String username,
      Role role,
      @Nullable String tenant,
      @Nullable String region,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId) {
    return users
        .find(username)
        .orElseGet(
            () ->
                users.create(
                    new UserDirectory.NewUser(
                        username,
                        "测试用户 " + username,
                        PASSWORD,
                        Set.of(role),
                        tenant,
                        region,
                        garrisonUnitId,
                        responsibleUnitId),
                    "fixture"));
  }
}
