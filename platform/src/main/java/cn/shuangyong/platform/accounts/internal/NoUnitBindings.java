package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.accounts.api.UnitBindings;
import cn.shuangyong.platform.identity.CurrentUser;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * Without the tenants module (the platform's own tests) there are no units: a role that needs one
 * cannot be granted. The tenants module's implementation takes precedence.
 */
@Singleton
@Secondary
class NoUnitBindings implements UnitBindings {
  @Override
  public boolean garrisonUnitExists(CurrentUser caller, String tenant, long unitId) {
    return false;
  }

  @Override
  public boolean responsibleUnitExists(CurrentUser caller, String tenant, long unitId) {
    return false;
  }
}
