package cn.shuangyong.platform.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL with positional arguments for a feature's store, on the connection of the surrounding
 * transaction (for a tenant's store, the one {@code TenantScope} entered): the rows read one by
 * one, exactly one row, or the count of rows changed.
 */
public final class Statements {
  /** Reads one row of a result. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private final JdbcOperations jdbc;

  public Statements(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Every row of {@code sql}, read by {@code reader}, in the order the database gives them. */
  public <T> List<T> query(String sql, List<?> arguments, RowReader<T> reader) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          List<T> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(reader.read(rows));
            }
          }
          return found;
        });
  }

  /** The first row of a query that always has one (an aggregate, an insert's returning). */
  public <T> T queryOne(String sql, List<?> arguments, RowReader<T> reader) {
    return query(sql, arguments, reader).get(0);
  }

  /** How many rows {@code sql} changed. */
  public int update(String sql, List<?> arguments) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          return statement.executeUpdate();
        });
  }

  private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }
}
