package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.identity.CurrentUser;

/**
 * Whether a unit an account is to be bound to exists in that tenant, as the caller sees it. The
 * units live in the tenant's schema, which the platform does not read: the tenants module answers.
 */
public interface UnitBindings {
  boolean garrisonUnitExists(CurrentUser caller, String tenant, long unitId);

  boolean responsibleUnitExists(CurrentUser caller, String tenant, long unitId);
}
