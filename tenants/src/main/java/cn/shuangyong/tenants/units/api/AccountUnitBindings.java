package cn.shuangyong.tenants.units.api;

import cn.shuangyong.platform.accounts.api.UnitBindings;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.web.ProblemException;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/**
 * Tells the platform's account management whether a unit an account is bound to exists in that
 * tenant, entering the tenant as the caller (so only someone who may see the tenant learns it).
 */
@Singleton
public class AccountUnitBindings implements UnitBindings {
  private final TenantDirectory tenants;
  private final UnitService units;

  AccountUnitBindings(TenantDirectory tenants, UnitService units) {
    this.tenants = tenants;
    this.units = units;
  }

  @Override
  public boolean garrisonUnitExists(CurrentUser caller, String tenant, long unitId) {
    return exists(caller, tenant, context -> units.findGarrisonUnit(context, unitId));
  }

  @Override
  public boolean responsibleUnitExists(CurrentUser caller, String tenant, long unitId) {
    return exists(caller, tenant, context -> units.findResponsibleUnit(context, unitId));
  }

  private boolean exists(CurrentUser caller, String tenant, Consumer<TenantContext> lookup) {
    try {
      lookup.accept(tenants.enter(caller, tenant));
      return true;
    } catch (ProblemException e) {
      // a unit (or a tenant) this caller cannot find: the service speaks no HTTP, only its keys
      if ("problem.not-found".equals(e.messageKey())) {
        return false;
      }
      throw e;
    }
  }
}
