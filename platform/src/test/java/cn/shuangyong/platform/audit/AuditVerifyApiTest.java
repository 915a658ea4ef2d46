package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/v1/audit/verify} for the platform admin only, and the command-line check that the
 * jar's {@code audit-verify} runs; the check itself is audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditVerifyApiTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  @Inject AuditVerifyCommand command;
  @Inject AuditLog audit;
  Api api;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("verifyprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant("verify_city", "verifyprov");
    fixtures.user("verify.admin", Role.PLATFORM_ADMIN, null, null, null, null);
    fixtures.user("verify.city", Role.CITY_ADMIN, "verify_city", null, null, null);
    fixtures.user("verify.supervisor", Role.SUPERVISOR, null, "verifyprov", null, null);
  }

  @Test
  void aPlatformAdminVerifiesTheChain() {
    Answer answer =
        api.get("/api/v1/audit/verify", api.login("verify.admin", PlatformFixtures.PASSWORD));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(((Number) answer.map().get("checked")).longValue()).isPositive();
    assertThat(answer.map().get("firstBrokenId")).isNull(); // absent or null: whole
    assertThat(
            audit
                .search(
                    new AuditLog.Query(null, null, "verify.admin", "AUDIT_VERIFY", null, null),
                    0,
                    5)
                .items())
        .first()
        .satisfies(event -> assertThat(event.ip()).isNotBlank());
  }

  @Test
  void nobodyElseMay() {
    for (String user : new String[] {"verify.city", "verify.supervisor"}) {
      Answer answer = api.get("/api/v1/audit/verify", api.login(user, PlatformFixtures.PASSWORD));
      assertThat(answer.status()).as(user).isEqualTo(403);
    }
    assertThat(api.get("/api/v1/audit/verify", null).status()).isEqualTo(401);
  }

  @Test
  void theCommandLineCheckSaysWhetherTheChainIsWhole() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = command.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("audit trail intact:");
  }
}
