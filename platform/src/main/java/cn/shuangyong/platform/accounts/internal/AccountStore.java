package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.accounts.api.AccountFilter;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.privacy.PersonalDataCipher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts in the platform schema, in plain parameterised SQL on the platform pool: the columns the
 * account screens need ({@code must_change_password}, {@code phone}, the password history) beside
 * what {@code UserDirectory} already maps.
 */
@Singleton
public class AccountStore {
  private static final String COLUMNS =
      "u.id, u.username, u.display_name, u.password_hash, u.tenant_code, u.region_code,"
          + " u.garrison_unit_id, u.responsible_unit_id, u.enabled, u.locked_until,"
          + " u.must_change_password, u.phone, u.email,"
          + " array(select r.role from role_assignment r where r.user_id = u.id order by r.role),"
          + " (select max(a.at) from login_attempt a where lower(a.username) = lower(u.username)"
          + " and a.success)";
  private static final String WHERE =
      " from app_user u where (u.tenant_code = ? or (? is null and u.tenant_code is null))"
          + " and (?::text is null or exists (select 1 from role_assignment r"
          + " where r.user_id = u.id and r.role = ?))"
          + " and (?::text is null"
          + " or (? = 'DISABLED' and not u.enabled)"
          + " or (? = 'LOCKED' and u.enabled and u.locked_until > ?)"
          + " or (? = 'ACTIVE' and u.enabled and (u.locked_until is null or u.locked_until <= ?)))"
          + " and (?::text is null or u.username ilike ? escape '\\'"
          + " or u.display_name ilike ? escape '\\')";

  private final TransactionOperations<Connection> transactions;
  private final PersonalDataCipher cipher;

  AccountStore(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      PersonalDataCipher cipher) {
    this.transactions = transactions;
    this.cipher = cipher;
  }

  /** A page of one tenant's accounts (null: the platform's own), by login name. */
  public List<AccountRow> list(
      @Nullable String tenant, AccountFilter filter, Instant now, int offset, int limit) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select " + COLUMNS + WHERE + " order by u.username limit ? offset ?")) {
            int next = bindFilter(select, tenant, filter, now);
            select.setInt(next, limit);
            select.setInt(next + 1, offset);
            return readAll(select);
          }
        });
  }

  public long count(@Nullable String tenant, AccountFilter filter, Instant now) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status.getConnection().prepareStatement("select count(*)" + WHERE)) {
            bindFilter(select, tenant, filter, now);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static int bindFilter(
      PreparedStatement statement, @Nullable String tenant, AccountFilter filter, Instant now)
      throws SQLException {
    String status = filter.status() == null ? null : filter.status().name();
    String pattern = filter.query() == null ? null : "%" + escapeLike(filter.query()) + "%";
    Timestamp at = Timestamp.from(now);
    Object[] values = {
      tenant,
      tenant,
      filter.role(),
      filter.role(),
      status,
      status,
      status,
      at,
      status,
      at,
      pattern,
      pattern,
      pattern
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        statement.setNull(i + 1, i == 7 || i == 9 ? Types.TIMESTAMP : Types.VARCHAR);
      } else {
        statement.setObject(i + 1, values[i]);
      }
    }
    return values.length + 1;
  }

  private static String escapeLike(String text) {
    return text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public Optional<AccountRow> find(long id) {
    return findWhere("u.id = ?", id);
  }

  public Optional<AccountRow> findByUsername(String username) {
    return findWhere("lower(u.username) = lower(?)", username);
  }

  private Optional<AccountRow> findWhere(String condition, Object value) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement("select " + COLUMNS + " from app_user u where " + condition)) {
            select.setObject(1, value);
            List<AccountRow> rows = readAll(select);
            return rows.isEmpty() ? Optional.<AccountRow>empty() : Optional.of(rows.get(0));
          }
        });
  }

  public boolean regionExists(String code) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status.getConnection().prepareStatement("select 1 from region where code = ?")) {
            select.setString(1, code);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  public boolean usernameTaken(String username) {
    return findByUsername(username).isPresent();
  }

  /** A new account with its roles and first password (in the history), to be changed at sign-in. */
  public long insert(NewAccount account, String actor, Instant now) {
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into app_user (username, display_name, password_hash, tenant_code,"
                      + " region_code, garrison_unit_id, responsible_unit_id, enabled,"
                      + " failed_attempts, locale, email, phone, must_change_password,"
                      + " password_changed_at, created_at, created_by, updated_at, updated_by)"
                      + " values (?, ?, ?, ?, ?, ?, ?, true, 0, 'zh-CN', ?, ?, true, ?, ?, ?, ?, ?)"
                      + " returning id")) {
            insert.setString(1, account.username());
            insert.setString(2, account.displayName());
            insert.setString(3, account.passwordHash());
            insert.setString(4, account.tenant());
            insert.setString(5, account.region());
            insert.setObject(6, account.garrisonUnitId(), Types.BIGINT);
            insert.setObject(7, account.responsibleUnitId(), Types.BIGINT);
            insert.setString(8, cipher.encrypt(account.email()));
            insert.setString(9, cipher.encrypt(account.phone()));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.setTimestamp(11, Timestamp.from(now));
            insert.setString(12, actor);
            insert.setTimestamp(13, Timestamp.from(now));
            insert.setString(14, actor);
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          replaceRoles(connection, id, account.roles());
          remember(connection, id, account.passwordHash(), now);
          return id;
        });
  }

  /** A new account's fields, its password already hashed. */
  public record NewAccount(
      String username,
      String displayName,
      String passwordHash,
      @Nullable String tenant,
      @Nullable String region,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId,
      @Nullable String phone,
      @Nullable String email,
      Set<Role> roles) {}

  /** The edited fields and roles of an account. */
  public void update(
      long id,
      String displayName,
      Set<Role> roles,
      @Nullable String region,
      @Nullable Long garrisonUnitId,
      @Nullable Long responsibleUnitId,
      @Nullable String phone,
      @Nullable String email,
      String actor,
      Instant now) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update app_user set display_name = ?, region_code = ?, garrison_unit_id = ?,"
                      + " responsible_unit_id = ?, phone = ?, email = ?, updated_at = ?,"
                      + " updated_by = ?, version = version + 1 where id = ?")) {
            update.setString(1, displayName);
            update.setString(2, region);
            update.setObject(3, garrisonUnitId, Types.BIGINT);
            update.setObject(4, responsibleUnitId, Types.BIGINT);
            update.setString(5, cipher.encrypt(phone));
            update.setString(6, cipher.encrypt(email));
            update.setTimestamp(7, Timestamp.from(now));
            update.setString(8, actor);
            update.setLong(9, id);
            update.executeUpdate();
          }
          replaceRoles(connection, id, roles);
          return null;
        });
  }

  /** The person's own contact fields (the profile page). */
  public void updateProfile(
      long id,
      String displayName,
      @Nullable String phone,
      @Nullable String email,
      String actor,
      Instant now) {
    execute(
        "update app_user set display_name = ?, phone = ?, email = ?, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        displayName,
        cipher.encrypt(phone),
        cipher.encrypt(email),
        Timestamp.from(now),
        actor,
        id);
  }

  public void setEnabled(long id, boolean enabled, String actor, Instant now) {
    execute(
        "update app_user set enabled = ?, updated_at = ?, updated_by = ?, version = version + 1"
            + " where id = ?",
        enabled,
        Timestamp.from(now),
        actor,
        id);
  }

  public void unlock(long id, String actor, Instant now) {
    execute(
        "update app_user set failed_attempts = 0, locked_until = null, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        Timestamp.from(now),
        actor,
        id);
  }

  /** A new password (kept in the history); {@code mustChange} after a reset, not after a change. */
  public void setPassword(long id, String hash, boolean mustChange, String actor, Instant now) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update app_user set password_hash = ?, must_change_password = ?,"
                      + " password_changed_at = ?, failed_attempts = 0, locked_until = null,"
                      + " updated_at = ?, updated_by = ?, version = version + 1 where id = ?")) {
            update.setString(1, hash);
            update.setBoolean(2, mustChange);
            update.setTimestamp(3, Timestamp.from(now));
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, actor);
            update.setLong(6, id);
            update.executeUpdate();
          }
          remember(connection, id, hash, now);
          return null;
        });
  }

  /** The hashes of the account's last {@code count} passwords, newest first. */
  public List<String> recentPasswordHashes(long id, int count) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select password_hash from password_history where user_id = ?"
                          + " order by changed_at desc, id desc limit ?")) {
            select.setLong(1, id);
            select.setInt(2, count);
            List<String> hashes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                hashes.add(rs.getString(1));
              }
            }
            return hashes;
          }
        });
  }

  public boolean mustChangePassword(String username) {
    return findByUsername(username).map(AccountRow::mustChangePassword).orElse(false);
  }

  private static void remember(Connection connection, long id, String hash, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into password_history (user_id, password_hash, changed_at) values (?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, hash);
      insert.setTimestamp(3, Timestamp.from(now));
      insert.executeUpdate();
    }
  }

  private static void replaceRoles(Connection connection, long id, Set<Role> roles)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from role_assignment where user_id = ?")) {
      delete.setLong(1, id);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert into role_assignment (user_id, role) values (?, ?)")) {
      for (Role role : roles) {
        insert.setLong(1, id);
        insert.setString(2, role.name());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void execute(String sql, Object... values) {
    transactions.executeWrite(
        status -> {
          try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
          }
          return null;
        });
  }

  private List<AccountRow> readAll(PreparedStatement select) throws SQLException {
    List<AccountRow> rows = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return rows;
  }

  private AccountRow read(ResultSet rs) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Array array = rs.getArray(14);
    for (Object role : (Object[]) array.getArray()) {
      roles.add(Role.valueOf(role.toString()));
    }
    return new AccountRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, Long.class),
        rs.getObject(8, Long.class),
        rs.getBoolean(9),
        instant(rs.getTimestamp(10)),
        rs.getBoolean(11),
        // stored encrypted (or still plain, from before encryption at rest): the row holds it plain
        cipher.reveal(rs.getString(12)),
        cipher.reveal(rs.getString(13)),
        roles,
        instant(rs.getTimestamp(15)));
  }

  /**
   * Encrypts the phones and e-mail addresses still stored in plain (written before encryption at
   * rest); each row is replaced only while it still holds what was read (compare and set), so that
   * several nodes at once, or an edit in between, change nothing twice. Answers how many rows it
   * encrypted.
   */
  public int encryptPlainContacts() {
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          List<Object[]> plain = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "select id, phone, email from app_user where phone not like 'v1:%'"
                          + " or email not like 'v1:%'");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              plain.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
            }
          }
          int count = 0;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update app_user set phone = ?, email = ? where id = ?"
                      + " and phone is not distinct from ? and email is not distinct from ?")) {
            for (Object[] row : plain) {
              String phone = (String) row[1];
              String email = (String) row[2];
              update.setString(1, cipher.isEncrypted(phone) ? phone : cipher.encrypt(phone));
              update.setString(2, cipher.isEncrypted(email) ? email : cipher.encrypt(email));
              update.setLong(3, (Long) row[0]);
              update.setString(4, phone);
              update.setString(5, email);
              count += update.executeUpdate();
            }
          }
          return count;
        });
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
