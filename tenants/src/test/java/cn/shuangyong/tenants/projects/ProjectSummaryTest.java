package cn.shuangyong.tenants.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.comparison.SummaryRelay;
import cn.shuangyong.platform.comparison.TenantSummaries;
import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The comparison's figures of the projects, the budgets and the fund reach the platform summary
 * through the tenant's outbox: a project finished and one cancelled change the year's counts, which
 * equal what raw SQL in the tenant's schema counts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectSummaryTest implements TestPropertyProvider {
  private static final String PROJECTS = "/api/v1/tenants/pinghu/projects";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject SummaryRelay relay;
  @Inject TenantSummaries summaries;
  @Inject OwnerDatabase owner;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @Test
  void finishedAndCancelledProjectsReachTheSummaryBesideTheBudgetAndTheFund() throws Exception {
    Api api = new Api(server, json);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    long done = create(api, staff, "营区供暖改造");
    assertThat(api.post(PROJECTS + "/" + done + "/start", Map.of("note", "开工"), staff).status())
        .isEqualTo(200);
    assertThat(api.post(PROJECTS + "/" + done + "/finish", Map.of("note", "完工"), staff).status())
        .isEqualTo(200);
    long cancelled = create(api, staff, "训练场围栏");
    assertThat(
            api.post(PROJECTS + "/" + cancelled + "/cancel", Map.of("reason", "部队调防"), staff)
                .status())
        .isEqualTo(200);
    int year = (int) count("select year from t_pinghu.project where id = " + done);

    assertThat(relay.relay().ran()).isTrue();

    Map<String, BigDecimal> figures = summaries.of(new TenantCode("pinghu"), year);
    String ofYear = " from t_pinghu.project where year = " + year;
    assertThat(figures.get("projectsTotal"))
        .isEqualByComparingTo(BigDecimal.valueOf(count("select count(*)" + ofYear)));
    long doneCount = count("select count(*)" + ofYear + " and status = 'DONE'");
    assertThat(doneCount).isPositive();
    assertThat(figures.get("projectsDone")).isEqualByComparingTo(BigDecimal.valueOf(doneCount));
    assertThat(figures.get("projectsCancelled"))
        .isEqualByComparingTo(
            BigDecimal.valueOf(count("select count(*)" + ofYear + " and status = 'CANCELLED'")));
    // on time: finished (today, China time) by the planned end; counted here from the raw rows
    long onTime =
        count(
            "select count(*) from t_pinghu.project p where p.year = "
                + year
                + " and p.status = 'DONE' and p.planned_end >= (select max(e.at)"
                + " at time zone 'Asia/Shanghai' from t_pinghu.project_event e"
                + " where e.project_id = p.id and e.action = 'FINISH')::date");
    assertThat(onTime).isPositive();
    assertThat(figures.get("projectsOnTimeRate"))
        .isEqualByComparingTo(
            BigDecimal.valueOf(onTime)
                .divide(BigDecimal.valueOf(doneCount), 4, RoundingMode.HALF_UP));
    // the other features' figures are there too: the comparison reads them all from the summary
    assertThat(figures).containsKeys("budgetTotal", "budgetExecutionRate", "grantsPaidCount");
  }

  private long create(Api api, String staff, String name) {
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    long garrison =
        ((Number)
                api.get("/api/v1/tenants/pinghu/garrison-units?size=1", admin)
                    .items()
                    .get(0)
                    .get("id"))
            .longValue();
    long responsible =
        ((Number)
                api.get("/api/v1/tenants/pinghu/responsible-units?size=1", admin)
                    .items()
                    .get(0)
                    .get("id"))
            .longValue();
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("category", "基础设施");
    body.put("garrisonUnitIds", List.of(garrison));
    body.put("responsibleUnitId", responsible);
    body.put("budget", "120000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(3).toString());
    Api.Answer created = api.post(PROJECTS, body, staff);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return Long.parseLong(created.string("id"));
  }

  private long count(String sql) throws SQLException {
    try (Connection c = owner.connect();
        PreparedStatement count = c.prepareStatement(sql);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
