package cn.shuangyong.platform.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.accounts.api.AccountPermissions;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may manage which accounts and grant which roles: the table, without a database. */
class AccountPermissionsTest {
  static final CurrentUser PLATFORM_ADMIN = user("admin", Role.PLATFORM_ADMIN, null);
  static final CurrentUser PINGHU_ADMIN = user("pinghu.admin", Role.CITY_ADMIN, "pinghu");
  static final CurrentUser PINGHU_STAFF = user("pinghu.staff", Role.CITY_STAFF, "pinghu");
  static final CurrentUser SUPERVISOR = user("zj.supervisor", Role.SUPERVISOR, null);

  static CurrentUser user(String name, Role role, String tenant) {
    return new CurrentUser(name, name, Set.of(role), tenant, null, null, null);
  }

  static CurrentUser caller(String name) {
    return switch (name) {
      case "admin" -> PLATFORM_ADMIN;
      case "pinghu.admin" -> PINGHU_ADMIN;
      case "pinghu.staff" -> PINGHU_STAFF;
      default -> SUPERVISOR;
    };
  }

  /** caller, tenant ("-" = platform accounts), role, may grant. */
  static final String[] GRANTS = {
    "admin, -, PLATFORM_ADMIN, true",
    "admin, -, SUPERVISOR, true",
    "admin, -, CITY_ADMIN, false",
    "admin, pinghu, CITY_ADMIN, true",
    "admin, pinghu, CITY_STAFF, true",
    "admin, pinghu, UNIT_HANDLER, false",
    "admin, pinghu, GARRISON_LIAISON, false",
    "admin, pinghu, PLATFORM_ADMIN, false",
    "pinghu.admin, pinghu, CITY_ADMIN, true",
    "pinghu.admin, pinghu, CITY_STAFF, true",
    "pinghu.admin, pinghu, UNIT_HANDLER, true",
    "pinghu.admin, pinghu, GARRISON_LIAISON, true",
    "pinghu.admin, pinghu, PLATFORM_ADMIN, false",
    "pinghu.admin, pinghu, SUPERVISOR, false",
    "pinghu.admin, hangzhou, CITY_STAFF, false",
    "pinghu.admin, -, SUPERVISOR, false",
    "pinghu.staff, pinghu, CITY_STAFF, false",
    "pinghu.staff, pinghu, GARRISON_LIAISON, false",
    "zj.supervisor, pinghu, CITY_STAFF, false",
    "zj.supervisor, -, SUPERVISOR, false",
  };

  @Test
  void grantTable() {
    for (String line : GRANTS) {
      String[] row = line.split(",\\s*");
      String where = row[1].equals("-") ? null : row[1];
      assertThat(AccountPermissions.grantable(caller(row[0]), where).contains(Role.valueOf(row[2])))
          .as(line)
          .isEqualTo(Boolean.parseBoolean(row[3]));
    }
  }

  static final String[] MANAGES = {
    "admin, -, true",
    "admin, pinghu, true",
    "pinghu.admin, pinghu, true",
    "pinghu.admin, hangzhou, false",
    "pinghu.admin, -, false",
    "pinghu.staff, pinghu, false",
    "zj.supervisor, pinghu, false",
    "zj.supervisor, -, false",
  };

  @Test
  void manageTable() {
    for (String line : MANAGES) {
      String[] row = line.split(",\\s*");
      String where = row[1].equals("-") ? null : row[1];
      assertThat(AccountPermissions.mayManage(caller(row[0]), where))
          .as(line)
          .isEqualTo(Boolean.parseBoolean(row[2]));
    }
  }

  @Test
  void nobodyChangesItsOwnRoles() {
    assertThat(
            AccountPermissions.mayChangeRoles(
                PINGHU_ADMIN,
                "pinghu",
                "pinghu.admin",
                EnumSet.of(Role.CITY_ADMIN),
                EnumSet.of(Role.CITY_ADMIN, Role.CITY_STAFF)))
        .isFalse();
    assertThat(
            AccountPermissions.mayChangeRoles(
                PLATFORM_ADMIN,
                null,
                "admin",
                EnumSet.of(Role.PLATFORM_ADMIN),
                EnumSet.of(Role.SUPERVISOR)))
        .isFalse();
  }

  @Test
  void ownAccountWithUnchangedRolesMayBeEdited() {
    assertThat(
            AccountPermissions.mayChangeRoles(
                PINGHU_ADMIN,
                "pinghu",
                "pinghu.admin",
                EnumSet.of(Role.CITY_ADMIN),
                EnumSet.of(Role.CITY_ADMIN)))
        .isTrue();
  }

  @Test
  void theOfficeRolesOfACityAreThePlatformAdminsToChangeButNotTheUnitBindings() {
    assertThat(
            AccountPermissions.mayChangeRoles(
                PLATFORM_ADMIN,
                "pinghu",
                "pinghu.staff",
                EnumSet.of(Role.CITY_STAFF),
                EnumSet.of(Role.CITY_ADMIN)))
        .isTrue();
    assertThat(
            AccountPermissions.mayChangeRoles(
                PLATFORM_ADMIN,
                "pinghu",
                "pinghu.handler",
                EnumSet.of(Role.UNIT_HANDLER),
                EnumSet.of(Role.CITY_STAFF)))
        .as("taking away UNIT_HANDLER is the city admin's")
        .isFalse();
    assertThat(
            AccountPermissions.mayChangeRoles(
                PINGHU_ADMIN,
                "pinghu",
                "x",
                EnumSet.of(Role.CITY_STAFF),
                EnumSet.noneOf(Role.class)))
        .as("an account keeps a role")
        .isFalse();
  }
}
