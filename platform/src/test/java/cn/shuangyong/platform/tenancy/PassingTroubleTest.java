package cn.shuangyong.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Which failures of a migration are this node's passing trouble, and which the schema's. */
class PassingTroubleTest {

  @Test
  void connectionTroubleAnywhereInTheChainIsPassing() {
    assertThat(PassingTrouble.isPassing(wrapped(new SQLTransientConnectionException("timeout"))))
        .as("no pool connection in time")
        .isTrue();
    assertThat(PassingTrouble.isPassing(wrapped(new SQLException("gone", "08006")))).isTrue();
    assertThat(PassingTrouble.isPassing(wrapped(new SQLException("slots", "53300")))).isTrue();
    assertThat(PassingTrouble.isPassing(wrapped(new SQLException("shutdown", "57P01")))).isTrue();
    assertThat(PassingTrouble.isPassing(wrapped(new SQLException("starting", "57P03")))).isTrue();
    assertThat(PassingTrouble.isPassing(wrapped(new ConnectException("refused")))).isTrue();
  }

  @Test
  void aFailingScriptOrARefusedSchemaIsTheSchemasFailure() {
    assertThat(PassingTrouble.isPassing(wrapped(new SQLException("exists", "42P07")))).isFalse();
    assertThat(PassingTrouble.isPassing(new FlywayException("Found non-empty schema(s)")))
        .isFalse();
    assertThat(PassingTrouble.isPassing(new IllegalStateException("no cause"))).isFalse();
  }

  private static RuntimeException wrapped(Exception cause) {
    return new IllegalStateException(
        "cannot migrate schema t_x", new FlywayException("Migration failed", cause));
  }
}
