package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may manage which accounts and grant which roles, as a table without a database (tested on its
 * own). The platform admin keeps the platform accounts (platform admins, supervisors) and sets up a
 * city's office (its city admins and staff); binding people to a city's units is the city admin's
 * business, who grants city roles in its own tenant only. Nobody changes its own roles.
 */
public final class AccountPermissions {
  public static final Set<Role> PLATFORM_ROLES = EnumSet.of(Role.PLATFORM_ADMIN, Role.SUPERVISOR);
  public static final Set<Role> CITY_ROLES =
      EnumSet.of(Role.CITY_ADMIN, Role.CITY_STAFF, Role.UNIT_HANDLER, Role.GARRISON_LIAISON);
  private static final Set<Role> OFFICE_ROLES = EnumSet.of(Role.CITY_ADMIN, Role.CITY_STAFF);

  private AccountPermissions() {}

  /** Whether the caller manages the accounts of {@code tenant} (null: the platform accounts). */
  public static boolean mayManage(CurrentUser caller, @Nullable String tenant) {
    if (tenant == null) {
      return caller.has(Role.PLATFORM_ADMIN);
    }
    return caller.has(Role.PLATFORM_ADMIN) || ownCityAdmin(caller, tenant);
  }

  /** The roles the caller may give (or take away) in {@code tenant} (null: platform accounts). */
  public static Set<Role> grantable(CurrentUser caller, @Nullable String tenant) {
    if (!mayManage(caller, tenant)) {
      return Set.of();
    }
    if (tenant == null) {
      return PLATFORM_ROLES;
    }
    return ownCityAdmin(caller, tenant) ? CITY_ROLES : OFFICE_ROLES;
  }

  /**
   * Whether the caller may turn the roles {@code before} of the account {@code target} into {@code
   * after}: every role added or taken away must be one it may grant, and its own roles never
   * change.
   */
  public static boolean mayChangeRoles(
      CurrentUser caller,
      @Nullable String tenant,
      String target,
      Set<Role> before,
      Set<Role> after) {
    if (after.isEmpty()) {
      return false;
    }
    Set<Role> changed = EnumSet.noneOf(Role.class);
    changed.addAll(symmetricDifference(before, after));
    if (changed.isEmpty()) {
      return true;
    }
    if (caller.username().equalsIgnoreCase(target)) {
      return false;
    }
    return grantable(caller, tenant).containsAll(changed);
  }

  private static Set<Role> symmetricDifference(Set<Role> a, Set<Role> b) {
    Set<Role> result = EnumSet.noneOf(Role.class);
    result.addAll(a);
    result.addAll(b);
    Set<Role> both = EnumSet.noneOf(Role.class);
    both.addAll(a);
    both.retainAll(b);
    result.removeAll(both);
    return result;
  }

  private static boolean ownCityAdmin(CurrentUser caller, String tenant) {
    return caller.has(Role.CITY_ADMIN) && tenant.equals(caller.tenant());
  }
}
