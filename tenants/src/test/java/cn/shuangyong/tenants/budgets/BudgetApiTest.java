package cn.shuangyong.tenants.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.comparison.SummaryRelay;
import cn.shuangyong.platform.comparison.TenantSummaries;
import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.testing.Workbooks;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.budgets.api.ExpenditureImport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 双拥工作经费 over the API, in a tenant of its own made for the run (so every amount is known to the
 * fen): the budget with its growth, expenditures with vouchers and the evidenced share, the
 * over-budget rule, the totals reconciled to the cent against the ledger and the Excel export, who
 * may do what, and hostile input that is a clear 400/422 in the caller's language with nothing
 * half-saved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetApiTest implements TestPropertyProvider {
  /** A minimal PDF: Tika knows it by its magic bytes. */
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  String tenant;
  String base;
  final Map<Role, String> tokens = new HashMap<>();

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void declareTheWorld() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    tenant = "budgets_" + suffix;
    String province = "budgetsprov";
    fixtures.region(province, AdministrativeLevel.PROVINCE, null);
    fixtures.tenant(tenant, province);
    base = "/api/v1/tenants/" + tenant;
    for (Role role : List.of(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      String name = tenant + "." + role.name().toLowerCase(Locale.ROOT);
      fixtures.user(name, role, tenant, null, null, null);
      tokens.put(role, api.login(name, PlatformFixtures.PASSWORD));
    }
    Answer unit =
        api.post(base + "/garrison-units", Map.of("name", "驻平某部", "branch", "ARMY"), admin());
    assertThat(unit.status()).as(unit.text()).isEqualTo(201);
    String liaison = tenant + ".liaison";
    fixtures.user(
        liaison, Role.GARRISON_LIAISON, tenant, null, Long.parseLong(unit.string("id")), null);
    tokens.put(Role.GARRISON_LIAISON, api.login(liaison, PlatformFixtures.PASSWORD));
    fixtures.user("budgets.sup", Role.SUPERVISOR, null, province, null, null);
    tokens.put(Role.SUPERVISOR, api.login("budgets.sup", PlatformFixtures.PASSWORD));
  }

  String admin() {
    return tokens.get(Role.CITY_ADMIN);
  }

  String staff() {
    return tokens.get(Role.CITY_STAFF);
  }

  static Map<String, Object> line(String category, String amount) {
    return Map.of("category", category, "amount", amount);
  }

  Answer setBudget(int year, List<Map<String, Object>> lines) {
    return api.put(base + "/budgets/" + year, Map.of("lines", lines), admin());
  }

  static Map<String, Object> expenditure(String date, String amount, String category) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", date);
    body.put("amount", amount);
    body.put("category", category);
    body.put("payee", "驻平某部");
    body.put("purpose", "春节慰问");
    return body;
  }

  Answer spend(Map<String, Object> body) {
    return api.post(base + "/expenditures", body, staff());
  }

  long ledgerCount() {
    return Long.parseLong(api.get(base + "/expenditures?size=1", admin()).string("total"));
  }

  @Test
  void theAdminSetsAYearsBudgetAndItsGrowthOverThePreviousYearIsShown() {
    assertThat(setBudget(2040, List.of(line("慰问", "100000"), line("基础设施", "200000.00"))).status())
        .isEqualTo(200);
    Answer budget =
        setBudget(
            2041, List.of(line("慰问", "110000"), line("基础设施", "205000.50"), line("帮扶救助", "50000")));
    assertThat(budget.status()).as(budget.text()).isEqualTo(200);
    assertThat(budget.text())
        .contains("\"budgeted\":365000.50")
        .contains("\"previousYearBudgeted\":300000.00")
        .contains("\"growthOverPreviousYear\":0.2167");
    List<Map<String, Object>> lines = lines(budget);
    assertThat(lines).extracting(l -> l.get("category")).containsExactly("慰问", "基础设施", "帮扶救助");
    assertThat(new BigDecimal(lines.get(0).get("growthOverPreviousYear").toString()))
        .isEqualByComparingTo("0.1");
    assertThat(lines.get(2).get("growthOverPreviousYear")).as("new this year").isNull();
    assertThat(api.get(base + "/budgets/2041", tokens.get(Role.SUPERVISOR)).status())
        .as("supervisors read")
        .isEqualTo(200);
    assertThat(api.get(base + "/budgets/2041", staff()).text()).contains("\"budgeted\":365000.50");
    // replacing the lines drops one without spending
    Answer replaced = setBudget(2041, List.of(line("慰问", "110000"), line("基础设施", "205000.50")));
    assertThat(lines(replaced)).hasSize(2);
  }

  @Test
  void onlyTheCityAdminSetsTheBudgetOnlyTheOfficeSpendsAndLiaisonsOnlyRead() {
    List<Map<String, Object>> lines = List.of(line("慰问", "1000"));
    assertThat(api.put(base + "/budgets/2042", Map.of("lines", lines), staff()).status())
        .isEqualTo(403);
    assertThat(
            api.put(base + "/budgets/2042", Map.of("lines", lines), tokens.get(Role.SUPERVISOR))
                .status())
        .isIn(403);
    String liaison = tokens.get(Role.GARRISON_LIAISON);
    assertThat(api.get(base + "/budgets/2042", liaison).status())
        .as("the contract: tenant roles read the budget")
        .isEqualTo(200);
    assertThat(api.get(base + "/expenditures", liaison).status()).isEqualTo(200);
    assertThat(
            api.post(base + "/expenditures", expenditure("2042-03-01", "1", "慰问"), liaison)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    base + "/expenditures",
                    expenditure("2042-03-01", "1", "慰问"),
                    tokens.get(Role.SUPERVISOR))
                .status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/pinghu/budgets/2042", admin()).status())
        .as("another tenant's path")
        .isIn(403, 404);
    assertThat(api.get(base + "/budgets/2042", null).status()).isEqualTo(401);
  }

  @Test
  void anExpenditureCountsAsEvidencedOnlyOnceItsVoucherIsKept() throws Exception {
    setBudget(2043, List.of(line("慰问", "50000"), line("医疗保障", "30000")));
    Answer spent = spend(expenditure("2043-01-20", "12345.67", "慰问"));
    assertThat(spent.status()).as(spent.text()).isEqualTo(201);
    assertThat(spent.string("evidenced")).isEqualTo("false");
    assertThat(spent.text()).contains("\"amount\":12345.67");
    String id = spent.string("id");
    assertThat(spent.raw().headers().firstValue("Location")).hasValue(base + "/expenditures/" + id);
    assertThat(api.get(base + "/budgets/2043", admin()).text())
        .contains("\"evidenced\":0.00")
        .contains("\"evidencedShare\":0.0000");
    Answer voucher =
        api.upload(base + "/expenditures/" + id + "/voucher", "file", "下拨凭证.pdf", PDF, staff());
    assertThat(voucher.status()).as(voucher.text()).isEqualTo(200);
    assertThat(voucher.string("evidenced")).isEqualTo("true");
    List<?> vouchers = (List<?>) voucher.map().get("vouchers");
    assertThat(vouchers).hasSize(1);
    String voucherId = String.valueOf(((Map<?, ?>) vouchers.get(0)).get("id"));
    var download =
        api.download(
            base + "/expenditures/" + id + "/vouchers/" + voucherId, tokens.get(Role.SUPERVISOR));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    Answer second = spend(expenditure("2043-02-03", "100.01", "医疗保障"));
    assertThat(second.status()).isEqualTo(201);
    Answer budget = api.get(base + "/budgets/2043", admin());
    assertThat(budget.text())
        .contains("\"spent\":12445.68")
        .contains("\"evidenced\":12345.67")
        .contains("\"executionRate\":0.1556")
        .contains("\"evidencedShare\":0.9920");
    assertThat(api.get(base + "/expenditures?year=2043&evidenced=true", admin()).items())
        .extracting(e -> String.valueOf(e.get("id")))
        .containsExactly(id);
    assertThat(api.get(base + "/expenditures?year=2043&evidenced=false", admin()).items())
        .extracting(e -> String.valueOf(e.get("id")))
        .containsExactly(second.string("id"));
    assertThat(api.get(base + "/expenditures?year=2043&category=医疗保障", admin()).items()).hasSize(1);
    assertThat(
            api.upload(
                    base + "/expenditures/" + id + "/voucher",
                    "file",
                    "v.pdf",
                    PDF,
                    tokens.get(Role.SUPERVISOR))
                .status())
        .as("supervisors never write")
        .isEqualTo(403);
    assertThat(
            api.upload(base + "/expenditures/999999999/voucher", "file", "v.pdf", PDF, staff())
                .status())
        .isEqualTo(404);
    assertThat(api.get(base + "/expenditures/" + id + "/vouchers/999999999", admin()).status())
        .isEqualTo(404);
    Answer months = api.get(base + "/budgets/2043/months", admin());
    assertThat(months.list()).hasSize(12);
    assertThat(months.text())
        .contains("{\"month\":2,\"spent\":100.01,\"evidenced\":0.00,\"cumulative\":12445.68}");
  }

  @Test
  void spendingPastALinesBudgetNeedsAReasonOtherwise422AndNothingSaved() {
    setBudget(2044, List.of(line("出行保障", "1000.00")));
    assertThat(spend(expenditure("2044-05-01", "999.99", "出行保障")).status()).isEqualTo(201);
    long before = ledgerCount();
    Answer refused = spend(expenditure("2044-05-02", "0.02", "出行保障"));
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.text()).contains("overBudgetReason").contains("0.01");
    Answer english =
        api.post(base + "/expenditures", expenditure("2044-05-02", "0.02", "出行保障"), staff(), "en");
    assertThat(english.text()).contains("over budget").contains("0.01 yuan left");
    assertThat(ledgerCount()).isEqualTo(before);
    Map<String, Object> withReason = expenditure("2044-05-02", "0.02", "出行保障");
    withReason.put("overBudgetReason", "八一慰问追加");
    Answer over = spend(withReason);
    assertThat(over.status()).as(over.text()).isEqualTo(201);
    assertThat(over.string("overBudgetReason")).isEqualTo("八一慰问追加");
    assertThat(api.get(base + "/budgets/2044", admin()).text()).contains("\"remaining\":-0.01");
    Answer inUse = setBudget(2044, List.of(line("慰问", "10")));
    assertThat(inUse.status()).as("a line with spending cannot be dropped").isEqualTo(422);
    assertThat(inUse.text()).contains("出行保障");
  }

  @Test
  void theTotalsReconcileToTheCentWithTheLedgerAndItsExcelExport() throws Exception {
    setBudget(
        2045, List.of(line("慰问", "300000.00"), line("文化活动", "120000.00"), line("其他", "0.10")));
    java.util.Random random = new java.util.Random(8);
    long sumFen = 0;
    List<String> categories = List.of("慰问", "文化活动");
    for (int i = 0; i < 30; i++) {
      long fen = 1 + random.nextInt(900_000);
      sumFen += fen;
      Answer spent =
          spend(
              expenditure(
                  "2045-" + String.format("%02d", 1 + i % 12) + "-15",
                  BigDecimal.valueOf(fen, 2).toPlainString(),
                  categories.get(i % 2)));
      assertThat(spent.status()).as(spent.text()).isEqualTo(201);
    }
    assertThat(spend(expenditure("2045-12-31", "0.10", "其他")).status()).isEqualTo(201);
    sumFen += 10;
    BigDecimal expected = BigDecimal.valueOf(sumFen, 2);
    Answer budget = api.get(base + "/budgets/2045", admin());
    assertThat(new BigDecimal(budget.map().get("spent").toString())).isEqualTo(expected);
    BigDecimal lines =
        lines(budget).stream()
            .map(l -> new BigDecimal(l.get("spent").toString()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(lines).isEqualByComparingTo(expected);
    BigDecimal listed = BigDecimal.ZERO;
    Answer page = api.get(base + "/expenditures?year=2045&size=200&sort=amount,asc", admin());
    assertThat(page.string("total")).isEqualTo("31");
    for (Map<String, Object> item : page.items()) {
      listed = listed.add(new BigDecimal(item.get("amount").toString()));
    }
    assertThat(listed).isEqualByComparingTo(expected);
    BigDecimal months =
        api.get(base + "/budgets/2045/months", admin()).list().stream()
            .map(m -> new BigDecimal(m.get("spent").toString()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(months).isEqualByComparingTo(expected);
    var workbook = api.download(base + "/expenditures/export?year=2045", admin());
    assertThat(workbook.statusCode()).isEqualTo(200);
    BigDecimal inExcel = BigDecimal.ZERO;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
      Sheet sheet = book.getSheetAt(0);
      int amountColumn = -1;
      int dataFrom = -1;
      for (Row row : sheet) {
        if (amountColumn < 0) {
          for (var cell : row) {
            if (cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().equals("金额（元）")) {
              amountColumn = cell.getColumnIndex();
              dataFrom = row.getRowNum() + 1;
            }
          }
          continue;
        }
        if (row.getRowNum() >= dataFrom && row.getCell(amountColumn) != null) {
          var cell = row.getCell(amountColumn);
          assertThat(cell.getCellType()).as("amounts are number cells").isEqualTo(CellType.NUMERIC);
          // the stored text of the cell, as written: exact decimal, no binary rounding
          inExcel =
              inExcel.add(
                  new BigDecimal(((org.apache.poi.xssf.usermodel.XSSFCell) cell).getRawValue()));
        }
      }
      assertThat(amountColumn).isGreaterThanOrEqualTo(0);
    }
    assertThat(inExcel).isEqualByComparingTo(expected);
  }

  @Test
  void hostileInputIsAClearProblemInTheCallersLanguageAndNothingIsHalfSaved() {
    setBudget(2046, List.of(line("宣传教育", "5000")));
    setBudget(2047, List.of(line("就业安置", "5000")));
    long before = ledgerCount();
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put(
        "negative",
        "{\"date\":\"2046-03-01\",\"amount\":-5,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "zero",
        "{\"date\":\"2046-03-01\",\"amount\":\"0.00\",\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "three decimals",
        "{\"date\":\"2046-03-01\",\"amount\":1.005,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "absurd",
        "{\"date\":\"2046-03-01\",\"amount\":1e999999999,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "huge",
        "{\"date\":\"2046-03-01\",\"amount\":123456789012345678901234567890,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "outside the budget's year",
        "{\"date\":\"2045-12-31\",\"year\":2046,\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "unknown category",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"不存在\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "line of another year",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"就业安置\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "no budget in the year",
        "{\"date\":\"2039-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "unknown project",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\",\"projectId\":999999999}");
    refusals.put(
        "unknown need",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\",\"needId\":999999999}");
    refusals.put(
        "absurd date",
        "{\"date\":\"9999-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    refusals.put(
        "NUL",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\\u0000y\",\"purpose\":\"y\"}");
    refusals.put(
        "no payee",
        "{\"date\":\"2046-03-01\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"\",\"purpose\":\"y\"}");
    refusals.put("malformed", "{\"date\":\"2046-03-01\",\"amount\":");
    refusals.put(
        "date not a date",
        "{\"date\":\"2046-02-30\",\"amount\":1,\"category\":\"宣传教育\",\"payee\":\"x\",\"purpose\":\"y\"}");
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Answer answer = api.postRaw(base + "/expenditures", refusal.getValue(), staff());
      if (answer.status() != 400 && answer.status() != 422
          || !answer.contentType().contains("problem+json")) {
        failures.add(refusal.getKey() + " → " + answer.status() + " " + answer.text());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(ledgerCount()).as("nothing half-saved").isEqualTo(before);
    Answer zh = api.postRaw(base + "/expenditures", refusals.get("three decimals"), staff());
    assertThat(zh.status()).isEqualTo(422);
    assertThat(zh.text()).contains("两位小数");
    Answer other =
        api.postRaw(base + "/expenditures", refusals.get("line of another year"), staff());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.text()).contains("2047");
    Answer outside =
        api.postRaw(base + "/expenditures", refusals.get("outside the budget's year"), staff());
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.text()).contains("2046");
    Answer en =
        api.post(base + "/expenditures", expenditure("2046-03-01", "-1", "宣传教育"), staff(), "en");
    assertThat(en.status()).isEqualTo(422);
    assertThat(en.text()).contains("cannot be negative");
    // budgets
    assertThat(setBudget(2046, List.of(line("宣传教育", "-1"))).status()).isEqualTo(422);
    assertThat(setBudget(2046, List.of(line("宣传教育", "1"), line("宣传教育", "2"))).status())
        .isEqualTo(422);
    assertThat(setBudget(2046, List.of(line("不存在", "1"))).status()).isEqualTo(422);
    assertThat(api.put(base + "/budgets/99999", Map.of("lines", List.of()), admin()).status())
        .isIn(400, 422);
    assertThat(api.get(base + "/budgets/abc", admin()).status()).isEqualTo(400);
    assertThat(api.get(base + "/expenditures?sort=amount,sideways", admin()).status())
        .isEqualTo(400);
    assertThat(api.get(base + "/budgets/2046", admin()).text())
        .as("unchanged")
        .contains("\"budgeted\":5000.00");
  }

  @Test
  void aVoucherOfTheWrongTypeIsRefusedAndTheExpenditureStaysUnevidenced() {
    setBudget(2048, List.of(line("其他", "100")));
    Answer spent = spend(expenditure("2048-06-01", "10", "其他"));
    String path = base + "/expenditures/" + spent.string("id") + "/voucher";
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    Answer refused = api.upload(path, "file", "凭证.pdf", exe, staff());
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    Answer empty = api.upload(path, "file", "凭证.pdf", new byte[0], staff());
    assertThat(empty.status()).isEqualTo(422);
    Answer english = api.upload(path, "file", "凭证.pdf", exe, staff(), "en");
    assertThat(english.text()).doesNotContain("不");
    assertThat(api.get(base + "/expenditures/" + spent.string("id"), admin()).string("evidenced"))
        .isEqualTo("false");
  }

  @Test
  void theChartIsAnSvgDrawnOnTheServerWithChineseLabels() {
    setBudget(2049, List.of(line("慰问", "1000"), line("基础设施", "2000")));
    spend(expenditure("2049-03-01", "300", "慰问"));
    var chart = api.download(base + "/budgets/2049/chart.svg", admin());
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    String svg = new String(chart.body(), StandardCharsets.UTF_8);
    assertThat(svg).contains("<svg").contains("慰问").contains("基础设施").contains("Noto Sans CJK SC");
    assertThat(
            api.download(base + "/budgets/2049/chart.svg", tokens.get(Role.GARRISON_LIAISON))
                .statusCode())
        .as("a tenant role reads the budget, its chart too")
        .isEqualTo(200);
    assertThat(api.download(base + "/budgets/2049/chart.svg", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theCategoriesArePerTenantDataSeededWithTheNineAndTheAdminAddsOne() {
    Answer list = api.get(base + "/budget-categories", staff());
    assertThat(list.list())
        .extracting(c -> c.get("name"))
        .startsWith("慰问", "基础设施", "帮扶救助", "医疗保障", "出行保障", "文化活动", "就业安置", "宣传教育", "其他");
    Answer added = api.post(base + "/budget-categories", Map.of("name", "军人子女教育"), admin());
    assertThat(added.status()).as(added.text()).isIn(201, 409);
    assertThat(api.post(base + "/budget-categories", Map.of("name", "军人子女教育"), admin()).status())
        .isEqualTo(409);
    assertThat(api.post(base + "/budget-categories", Map.of("name", "x"), staff()).status())
        .isEqualTo(403);
  }

  @Test
  void everyChangeIsAuditedWithTheLinesBeforeAndAfter() throws Exception {
    setBudget(2050, List.of(line("慰问", "100")));
    setBudget(2050, List.of(line("慰问", "150.50")));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    String detail = null;
    while (detail == null && Instant.now().isBefore(deadline)) {
      detail = lastDetail("BUDGET_SET");
    }
    assertThat(detail)
        .contains("\"before\":{\"慰问\":\"100.00\"}")
        .contains("\"after\":{\"慰问\":\"150.50\"}");
  }

  @Test
  void anImportRecordsEveryRowOrNoneAndReportsEachBadRow() throws Exception {
    setBudget(2051, List.of(line("慰问", "1000.00"), line("其他", "500.00")));
    var template = api.download(base + "/expenditures/import-template", staff());
    assertThat(template.statusCode()).isEqualTo(200);
    long before = ledgerCount();
    byte[] bad =
        workbook(
            template.body(),
            new String[][] {
              {"2051-01-05", "慰问", "600.00", "驻平某部", "春节慰问", ""},
              {"2051-02-05", "慰问", "500.00", "驻平某部", "元宵慰问", ""},
              {"2051-02-06", "不存在", "1.00", "某单位", "用途", ""},
              {"2051-02-07", "其他", "1.005", "某单位", "用途", ""}
            });
    Answer refused = api.upload(base + "/expenditures/import", "file", "ledger.xlsx", bad, staff());
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.text())
        .contains("第 3 行：超出本项预算（剩余 400.00 元）")
        .contains("第 4 行：2051 年度预算没有“不存在”这一项")
        .contains("第 5 行");
    assertThat(ledgerCount()).as("nothing saved").isEqualTo(before);
    byte[] good =
        workbook(
            template.body(),
            new String[][] {
              {"2051-01-05", "慰问", "600.00", "驻平某部", "春节慰问", ""},
              {"2051-02-05", "慰问", "500.00", "驻平某部", "元宵慰问", "追加慰问"},
              {"2051-03-07", "其他", "0.01", "某单位", "用途", ""}
            });
    Answer imported =
        api.upload(base + "/expenditures/import", "file", "ledger.xlsx", good, staff());
    assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    assertThat(imported.string("imported")).isEqualTo("3");
    assertThat(api.get(base + "/budgets/2051", admin()).text()).contains("\"spent\":1100.01");
  }

  @Test
  void anImportTellsWhereItHasGotReadingThenEachHundredthOfTheRowsCheckedThenSaving()
      throws Exception {
    setBudget(2052, List.of(line("慰问", "1000000.00")));
    var template = api.download(base + "/expenditures/import-template", staff());
    String[][] rows = new String[1000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new String[] {"2052-03-0" + (1 + i % 9), "慰问", "2.50", "驻平某部", "慰问品", ""};
    }
    byte[] file = workbook(template.body(), rows);
    List<String> reports = new ArrayList<>();
    int imported =
        context
            .getBean(ExpenditureImport.class)
            .importLedger(
                new TestTenants(context).as(tenant, Role.CITY_STAFF),
                new ByteArrayInputStream(file),
                file.length,
                (stage, done, total) -> reports.add(stage + " " + done + "/" + total));
    assertThat(imported).isEqualTo(1000);
    assertThat(reports).first().isEqualTo("READING 0/0");
    assertThat(reports.subList(1, reports.size() - 1))
        .as("every hundredth of the rows checked, in order")
        .hasSize(101)
        .startsWith("CHECKING 0/1000", "CHECKING 10/1000")
        .endsWith("CHECKING 1000/1000");
    assertThat(reports).last().isEqualTo("SAVING 1000/1000");
    assertThat(api.get(base + "/budgets/2052", admin()).text()).contains("\"spent\":2500.00");
  }

  /** The template with its example row replaced by {@code rows} (as text cells). */
  private static byte[] workbook(byte[] template, String[][] rows) throws Exception {
    return Workbooks.filled(
        template,
        List.of("支出日期", "经费类别", "金额（元）", "收款单位（人）", "用途", "超支理由"),
        java.util.Arrays.stream(rows).map(List::of).toList());
  }

  @Test
  void theComparisonReadsTheYearsFiguresAndTheSpendingPerGarrisonUnitFromTheSummary()
      throws Exception {
    LocalDate today = LocalDate.now(ChinaTime.ZONE);
    int year = today.getYear();
    assertThat(setBudget(year, List.of(line("慰问", "100000.00"))).status()).isEqualTo(200);
    assertThat(
            api.post(base + "/garrison-units", Map.of("name", "驻平某部二营", "branch", "ARMY"), admin())
                .status())
        .isEqualTo(201);
    Answer evidenced = spend(expenditure(today.toString(), "1000.01", "慰问"));
    assertThat(evidenced.status()).as(evidenced.text()).isEqualTo(201);
    assertThat(
            api.upload(
                    base + "/expenditures/" + evidenced.string("id") + "/voucher",
                    "file",
                    "凭证.pdf",
                    PDF,
                    staff())
                .status())
        .isEqualTo(200);
    assertThat(spend(expenditure(today.toString(), "500.00", "慰问")).status()).isEqualTo(201);

    assertThat(context.getBean(SummaryRelay.class).relay().ran()).isTrue();

    Map<String, BigDecimal> figures =
        context.getBean(TenantSummaries.class).of(new TenantCode(tenant), year);
    // what the tenant's own rows say, counted here in raw SQL
    BigDecimal spent = raw("select sum(amount) from expenditure where year = " + year);
    BigDecimal proven =
        raw("select sum(amount) from expenditure where evidenced and year = " + year);
    BigDecimal units = raw("select count(*) from garrison_unit");
    assertThat(spent).isEqualByComparingTo("1500.01");
    assertThat(units).isEqualByComparingTo("2");
    assertThat(figures.get("budgetTotal")).isEqualByComparingTo("100000.00");
    assertThat(figures.get("budgetExecutionRate"))
        .isEqualByComparingTo(spent.divide(new BigDecimal("100000.00"), 4, RoundingMode.HALF_UP));
    assertThat(figures.get("spendingEvidencedShare"))
        .isEqualByComparingTo(proven.divide(spent, 4, RoundingMode.HALF_UP));
    assertThat(figures.get("spendingPerGarrisonUnit"))
        .isEqualByComparingTo(spent.divide(units, 2, RoundingMode.HALF_UP))
        .isEqualByComparingTo("750.01");
  }

  private BigDecimal raw(String sql) throws Exception {
    try (Connection c = context.getBean(OwnerDatabase.class).connect();
        PreparedStatement select =
            c.prepareStatement(sql.replace(" from ", " from t_" + tenant + "."));
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getBigDecimal(1);
    }
  }

  private String lastDetail(String action) throws Exception {
    try (Connection c = context.getBean(OwnerDatabase.class).connect();
        PreparedStatement select =
            c.prepareStatement(
                "select detail from platform.audit_event where tenant_code = ? and action = ?"
                    + " and detail like '%150.50%' order by id desc limit 1")) {
      select.setString(1, tenant);
      select.setString(2, action);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> lines(Answer budget) {
    return (List<Map<String, Object>>) budget.map().get("lines");
  }
}
