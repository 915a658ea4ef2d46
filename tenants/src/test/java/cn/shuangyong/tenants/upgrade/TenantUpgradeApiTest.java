package cn.shuangyong.tenants.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantSchemaStream;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A city whose schema this node is still bringing to the newest version is answered over the API
 * with 503, Retry-After and a message saying its data is being upgraded (in the caller's language),
 * while the other cities are served; once migrated it is served too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantUpgradeApiTest implements TestPropertyProvider {
  private static final String CITY = "upg_city";
  private static final String UNITS = "/api/v1/tenants/" + CITY + "/garrison-units";

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    // this node sees at once what the registry says (another node's deploy recorded it behind)
    properties.put("shuangyong.tenancy.active-cache-ttl", "1ms");
    return properties;
  }

  @Test
  void aCityBeingUpgradedIsAnswered503WithRetryAfterUntilItIsReady() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("upgprov", CITY);
    fixtures.user("upg.admin", Role.CITY_ADMIN, CITY, null, null, null);
    Api api = new Api(server, json);
    String admin = api.login("upg.admin", PlatformFixtures.PASSWORD);
    assertThat(api.get(UNITS, admin).status()).isEqualTo(200);

    try (Connection owner = TestInfrastructure.get().ownerConnection()) {
      // a newer build recorded the city behind; its migration waits for the lock we hold
      sql(owner, "select pg_advisory_lock(hashtext('shuangyong-tenant-migration:" + CITY + "'))");
      sql(
          owner,
          "update platform.tenant set schema_version = '2026.11.25.1000' where code = '"
              + CITY
              + "'");
      Answer upgrading = api.get(UNITS, admin);
      assertThat(upgrading.status()).isEqualTo(503);
      assertThat(upgrading.raw().headers().firstValue("Retry-After")).hasValue("5");
      assertThat(upgrading.text()).contains("正在升级");
      assertThat(api.get(UNITS, admin, "en").text()).contains("being upgraded");

      sql(owner, "select pg_advisory_unlock(hashtext('shuangyong-tenant-migration:" + CITY + "'))");
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    int status;
    while ((status = api.get(UNITS, admin).status()) == 503 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(status).isEqualTo(200);
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            owner.prepareStatement("select schema_version from platform.tenant where code = ?")) {
      select.setString(1, CITY);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(row.getString(1)).isEqualTo(context.getBean(TenantSchemaStream.class).newest());
      }
    }
  }

  private static void sql(Connection connection, String statement) throws Exception {
    try (var s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
