package cn.shuangyong.platform.database;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parameterised SQL on a given connection, for hand-written queries (always bound, never joined).
 */
public final class Jdbc {
  private Jdbc() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public static int update(Connection connection, String sql, Object... arguments)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arguments)) {
      return statement.executeUpdate();
    }
  }

  public static <T> List<T> list(
      Connection connection, String sql, RowMapper<T> mapper, Object... arguments)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arguments);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public static <T> Optional<T> one(
      Connection connection, String sql, RowMapper<T> mapper, Object... arguments)
      throws SQLException {
    List<T> rows = list(connection, sql, mapper, arguments);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public static long count(Connection connection, String sql, Object... arguments)
      throws SQLException {
    return one(connection, sql, row -> row.getLong(1), arguments).orElse(0L);
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  public static LocalDate date(ResultSet row, String column) throws SQLException {
    Date value = row.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... arguments)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arguments.length; i++) {
      Object value = arguments[i];
      if (value instanceof Instant instant) {
        statement.setTimestamp(i + 1, Timestamp.from(instant));
      } else if (value instanceof LocalDate date) {
        statement.setDate(i + 1, Date.valueOf(date));
      } else if (value instanceof Enum<?> constant) {
        statement.setString(i + 1, constant.name());
      } else if (value instanceof String[] texts) {
        statement.setArray(i + 1, connection.createArrayOf("text", texts));
      } else {
        statement.setObject(i + 1, value);
      }
    }
    return statement;
  }
}
