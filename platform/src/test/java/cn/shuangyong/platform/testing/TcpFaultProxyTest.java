package cn.shuangyong.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The fault proxy itself: forwards, hangs when paused, refuses when cut, recovers on resume. */
class TcpFaultProxyTest {
  private final Map<String, String> infrastructure = TestInfrastructure.get().properties();

  @Test
  void pauseHangsCutRefusesAndResumeRecovers() throws SQLException {
    try (TcpFaultProxy proxy =
        TcpFaultProxy.inFrontOf(infrastructure.get("datasources.default.url"))) {
      try (Connection held = connect(proxy)) {
        assertThat(one(held)).isEqualTo(1);

        proxy.pause();
        long started = System.nanoTime();
        assertThatThrownBy(() -> one(held)).isInstanceOf(SQLException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 5_000L);
        assertThat(proxy.openConnections()).isEqualTo(1);

        proxy.resume();
        try (Connection fresh = connect(proxy)) {
          assertThat(one(fresh)).isEqualTo(1);
        }

        proxy.cut();
        assertThat(proxy.openConnections()).isZero();
        assertThatThrownBy(() -> connect(proxy)).isInstanceOf(SQLException.class);
      }
      proxy.resume();
      try (Connection again = connect(proxy)) {
        assertThat(one(again)).isEqualTo(1);
      }
    }
  }

  private Connection connect(TcpFaultProxy proxy) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", infrastructure.get("datasources.default.username"));
    properties.setProperty("password", infrastructure.get("datasources.default.password"));
    properties.setProperty("socketTimeout", "1");
    properties.setProperty("connectTimeout", "2");
    return DriverManager.getConnection(proxy.jdbcUrl(), properties);
  }

  private static int one(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select 1")) {
      result.next();
      return result.getInt(1);
    }
  }
}
