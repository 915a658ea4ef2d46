package cn.shuangyong.tenants.budgets;

import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.ADMIN;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.HANDLER;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.OTHER_LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.STAFF;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.testing.IsolationTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 双拥工作经费 through the isolation template: the admin adds a category named by the marker and
 * budgets it this year, the staff records an expenditure on it and keeps its voucher. The office
 * and the province's supervisor find it in the budget, the chart, the categories, the ledger, the
 * detail and the export, as do A's handler and liaisons (the contract's "tenant roles"); the
 * voucher only the office and supervisors; nobody from B ever.
 */
@MicronautTest(transactional = false)
class BudgetIsolationTest extends IsolationTemplate {
  private static final Set<Caller> THE_OFFICE_AND_SUPERVISORS = Set.of(ADMIN, STAFF, SUPERVISOR);
  private static final Set<Caller> EVERY_ROLE_OF_A =
      Set.of(ADMIN, STAFF, HANDLER, LIAISON, OTHER_LIAISON, SUPERVISOR);

  @Override
  protected String prefix() {
    return "isobudgets";
  }

  @Override
  protected String table() {
    return "expenditure";
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Written write(World world, String marker) {
    String base = "/api/v1/tenants/" + world.tenantA();
    String admin = world.token(ADMIN);
    String staff = world.token(STAFF);
    Api.Answer category = api.post(base + "/budget-categories", Map.of("name", marker), admin);
    assertThat(category.status()).as(category.text()).isEqualTo(201);
    int year = Year.now().getValue();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map<String, Object> line :
        (List<Map<String, Object>>) api.get(base + "/budgets/" + year, admin).map().get("lines")) {
      lines.add(Map.of("category", line.get("category"), "amount", line.get("budgeted")));
    }
    lines.add(Map.of("category", marker, "amount", "1000.00"));
    Api.Answer budget = api.put(base + "/budgets/" + year, Map.of("lines", lines), admin);
    assertThat(budget.status()).as(budget.text()).isEqualTo(200);
    Map<String, Object> body = new HashMap<>();
    body.put("date", year + "-01-15");
    body.put("amount", "12.34");
    body.put("category", marker);
    body.put("payee", "驻军" + marker);
    body.put("purpose", "慰问" + marker);
    Api.Answer spent = api.post(base + "/expenditures", body, staff);
    assertThat(spent.status()).as(spent.text()).isEqualTo(201);
    long id = Long.parseLong(spent.string("id"));
    byte[] pdf =
        ("%PDF-1.4\n% " + marker + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.UTF_8);
    Api.Answer voucher =
        api.upload(
            base + "/expenditures/" + id + "/voucher", "file", "凭证" + marker + ".pdf", pdf, staff);
    assertThat(voucher.status()).as(voucher.text()).isEqualTo(200);
    Object voucherId =
        ((Map<String, Object>) ((List<?>) voucher.map().get("vouchers")).get(0)).get("id");
    return new Written(id, marker, Map.of("voucher", ((Number) voucherId).longValue()));
  }

  @Override
  protected List<Read> reads() {
    return List.of(
        new Read("budget", "/budgets/{year}", EVERY_ROLE_OF_A),
        new Read("chart", "/budgets/{year}/chart.svg", EVERY_ROLE_OF_A),
        new Read("categories", "/budget-categories", EVERY_ROLE_OF_A),
        new Read("detail", "/expenditures/{id}", EVERY_ROLE_OF_A),
        new Read("ledger", "/expenditures?year={year}&size=200", EVERY_ROLE_OF_A),
        new Read("evidenced", "/expenditures?evidenced=true&size=200", EVERY_ROLE_OF_A),
        new Read("export", "/expenditures/export?year={year}", EVERY_ROLE_OF_A),
        new Read("voucher", "/expenditures/{id}/vouchers/{voucher}", THE_OFFICE_AND_SUPERVISORS));
  }
}
