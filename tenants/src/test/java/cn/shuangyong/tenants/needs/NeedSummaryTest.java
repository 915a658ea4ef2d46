package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.comparison.SummaryRelay;
import cn.shuangyong.platform.comparison.TenantSummaries;
import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedSubmitted;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A need's change reaches the platform summary (what the comparison reads) through its tenant's
 * outbox: events after commit carry the tenant, the relay refreshes only that tenant's figures.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedSummaryTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject SummaryRelay relay;
  @Inject TenantSummaries summaries;
  @Inject OwnerDatabase owner;
  @Inject Submissions submissions;

  /** What in-process listeners hear of submissions. */
  @Singleton
  static class Submissions implements ApplicationEventListener<NeedSubmitted> {
    final List<NeedSubmitted> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(NeedSubmitted event) {
      heard.add(event);
    }
  }

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void aSubmittedNeedIsHeardWithItsTenantAndReachesTheSummaryOfThatTenantOnly() throws Exception {
    Api api = new Api(server, json);
    int year = Year.now().getValue();
    relay.relay();
    Map<String, BigDecimal> hangzhouBefore = summaries.of(new TenantCode("hangzhou"), year);
    long id =
        Long.parseLong(
            api.post(
                    "/api/v1/tenants/pinghu/needs",
                    Map.of("direction", "FOR_TROOPS", "title", "营区道路维修", "category", "营区建设"),
                    api.login("pinghu.liaison", DemoProvince.PASSWORD))
                .string("id"));

    assertThat(submissions.heard)
        .anyMatch(event -> event.needId() == id && event.tenant().value().equals("pinghu"));
    assertThat(unpublished("pinghu")).isPositive();

    assertThat(relay.relay().ran()).isTrue();

    assertThat(unpublished("pinghu")).isZero();
    assertThat(summaries.of(new TenantCode("pinghu"), year).get("needsTotal"))
        .isEqualByComparingTo(BigDecimal.valueOf(needsOfYear("pinghu", year)));
    assertThat(summaries.of(new TenantCode("hangzhou"), year)).isEqualTo(hangzhouBefore);
  }

  private long unpublished(String tenant) throws SQLException {
    return count("select count(*) from t_" + tenant + ".outbox where published_at is null", 0);
  }

  /** The year's needs as the indicators count them: a withdrawn need was never one. */
  private long needsOfYear(String tenant, int year) throws SQLException {
    return count(
        "select count(*) from t_" + tenant + ".need where year = ? and status <> 'WITHDRAWN'",
        year);
  }

  private long count(String sql, int year) throws SQLException {
    try (Connection c = owner.connect();
        PreparedStatement count = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        count.setInt(1, year);
      }
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
