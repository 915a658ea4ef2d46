package cn.shuangyong.platform.tenancy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a node's own (or the database's passing) trouble apart from a failure of a tenant's schema.
 * A node that cannot get a connection (its pool is too small or exhausted, the connection timed out
 * or was refused), or a database that is out of connection slots, shutting down or starting, says
 * nothing about the tenant: another node, or this one a little later, migrates it fine. Only what
 * remains (a migration script that fails, a schema Flyway refuses) is the schema's failure, the
 * same on every node, and is recorded in the shared registry.
 */
final class PassingTrouble {
  /**
   * SQLStates of trouble that passes: 53300 too many connections, 53400 a configured limit, 57P01
   * admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now; class 08 is all connection
   * trouble.
   */
  private static final Set<String> STATES = Set.of("53300", "53400", "57P01", "57P02", "57P03");

  private PassingTrouble() {}

  /** Whether anything in the cause chain is trouble of this node's connection to the database. */
  static boolean isPassing(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && isPassingState(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  static boolean isPassingState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
  }
}
