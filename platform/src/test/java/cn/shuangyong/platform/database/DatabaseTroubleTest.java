package cn.shuangyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.data.exceptions.DataAccessException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage a client should retry (503), and which are bugs (500). */
class DatabaseTroubleTest {

  @Test
  void theSqlStateDecidesWhateverWrapsIt() {
    assertThat(of(new SQLException("refused", "08001"))).hasValue(DatabaseTrouble.UNREACHABLE);
    assertThat(of(wrapped(new SQLException("I/O", "08006")))).hasValue(DatabaseTrouble.UNREACHABLE);
    assertThat(of(wrapped(new SQLException("shutdown", "57P01"))))
        .hasValue(DatabaseTrouble.UNREACHABLE);
    assertThat(of(wrapped(new SQLException("starting up", "57P03"))))
        .hasValue(DatabaseTrouble.UNREACHABLE);
    assertThat(of(wrapped(new SQLException("too many clients", "53300"))))
        .hasValue(DatabaseTrouble.BUSY);
    assertThat(of(wrapped(new SQLException("lock timeout", "55P03"))))
        .hasValue(DatabaseTrouble.TIMED_OUT);
    assertThat(of(wrapped(new SQLException("statement timeout", "57014"))))
        .hasValue(DatabaseTrouble.TIMED_OUT);
    assertThat(of(wrapped(new ConnectException("Connection refused"))))
        .hasValue(DatabaseTrouble.UNREACHABLE);
  }

  @Test
  void hikarisTimeoutIsAFullPoolUnlessTheDatabaseFailedBehindIt() {
    assertThat(of(wrapped(new SQLTransientConnectionException("request timed out"))))
        .hasValue(DatabaseTrouble.BUSY);
    assertThat(
            of(
                wrapped(
                    new SQLTransientConnectionException(
                        "request timed out", new SQLException("refused", "08001")))))
        .hasValue(DatabaseTrouble.UNREACHABLE);
  }

  @Test
  void aFailureKeptAsSuppressedCounts() {
    RuntimeException cleanup = new IllegalStateException("rollback failed");
    cleanup.addSuppressed(new SQLException("I/O", "08006"));
    assertThat(of(cleanup)).hasValue(DatabaseTrouble.UNREACHABLE);
  }

  @Test
  void bugsAndRefusalsAreNoOutage() {
    assertThat(of(wrapped(new SQLException("duplicate key", "23505")))).isEmpty();
    assertThat(of(wrapped(new SQLException("permission denied", "42501")))).isEmpty();
    assertThat(of(new IllegalStateException("bug"))).isEmpty();
    assertThat(of(ProblemException.unavailable(Duration.ofSeconds(1), "problem.unavailable")))
        .isEmpty();
  }

  @Test
  void theProblemIsA503WithRetryAfter() {
    ProblemException problem = DatabaseTrouble.UNREACHABLE.problem();
    assertThat(problem.status().getCode()).isEqualTo(503);
    assertThat(problem.retryAfter()).isPresent();
    assertThat(problem.messageKey()).isEqualTo("problem.database.unreachable");
  }

  private static java.util.Optional<DatabaseTrouble> of(Throwable failure) {
    return DatabaseTrouble.of(failure);
  }

  private static RuntimeException wrapped(Throwable cause) {
    return new DataAccessException("repository failed", new RuntimeException(cause));
  }
}
