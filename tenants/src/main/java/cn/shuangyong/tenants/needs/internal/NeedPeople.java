package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who the login names of a page are (王芳（平湖市交通运输局）): the accounts in one platform query, then the
 * names of the units they are bound to in one query of the tenant whose transaction runs, so a
 * history of any length costs two queries, not two per line. Only accounts of this tenant have
 * their unit read here (another tenant's unit ids mean nothing in this schema).
 */
@Singleton
public class NeedPeople {
  private final UserDirectory users;
  private final JdbcOperations jdbc;

  NeedPeople(
      UserDirectory users, @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc) {
    this.users = users;
    this.jdbc = jdbc;
  }

  /** Each name's person; a name no account has is {@link Person#unknown}. */
  public Map<String, Person> of(String tenantCode, Collection<String> usernames) {
    Map<String, UserAccount> accounts = users.byUsernames(usernames);
    Set<Long> garrison = new HashSet<>();
    Set<Long> responsible = new HashSet<>();
    for (UserAccount account : accounts.values()) {
      if (tenantCode.equals(account.tenantCode())) {
        if (account.garrisonUnitId() != null) {
          garrison.add(account.garrisonUnitId());
        }
        if (account.responsibleUnitId() != null) {
          responsible.add(account.responsibleUnitId());
        }
      }
    }
    Map<String, String> units = unitNames(garrison, responsible);
    Map<String, Person> people = new HashMap<>();
    for (String username : usernames) {
      UserAccount account = accounts.get(username);
      people.put(
          username,
          account == null ? Person.unknown(username) : person(tenantCode, account, units));
    }
    return people;
  }

  private static Person person(String tenantCode, UserAccount account, Map<String, String> units) {
    String unit = null;
    if (tenantCode.equals(account.tenantCode())) {
      if (account.responsibleUnitId() != null) {
        unit = units.get("R" + account.responsibleUnitId());
      } else if (account.garrisonUnitId() != null) {
        unit = units.get("G" + account.garrisonUnitId());
      }
    }
    return new Person(account.username(), account.displayName(), unit, false);
  }

  /** "G12" / "R3" → the unit's name, both kinds in one query. */
  private Map<String, String> unitNames(Set<Long> garrison, Set<Long> responsible) {
    Map<String, String> names = new HashMap<>();
    if (garrison.isEmpty() && responsible.isEmpty()) {
      return names;
    }
    return jdbc.prepareStatement(
        "select 'G' || id, name from garrison_unit where id = any(?)"
            + " union all select 'R' || id, name from responsible_unit where id = any(?)",
        statement -> {
          statement.setArray(
              1, statement.getConnection().createArrayOf("bigint", garrison.toArray()));
          statement.setArray(
              2, statement.getConnection().createArrayOf("bigint", responsible.toArray()));
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              names.put(rows.getString(1), rows.getString(2));
            }
          }
          return names;
        });
  }
}
