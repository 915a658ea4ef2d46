package cn.shuangyong.tenants.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.budgets.internal.BudgetSqlForBench;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The budget against actual is exact to the fen: after expenditures recorded one by one (some at
 * once on the same line and month), vouchers (one kept twice), a refused import and a committed
 * one, every line's spent, evidenced and count and every month's spent and evidenced equal both the
 * sums this test keeps of what it wrote (in fen, as integers) and the bare sums of the ledger's
 * rows in the database. The answer is read from the running totals the store keeps beside the
 * ledger; this is the test that they never drift from it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetTotalsTest implements TestPropertyProvider {
  private static final int YEAR = 2052;
  private static final List<String> CATEGORIES = List.of("慰问", "医疗保障", "文化活动");

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  String tenant;
  String base;
  String admin;
  String staff;

  /** What the test wrote, in fen: by category, by month, and the evidenced part of each. */
  final Map<String, long[]> byCategory = new HashMap<>();

  final long[][] byMonth = new long[13][2];

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void declareTheWorld() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    tenant = "totals_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    fixtures.region("totalsprov", AdministrativeLevel.PROVINCE, null);
    fixtures.tenant(tenant, "totalsprov");
    base = "/api/v1/tenants/" + tenant;
    fixtures.user(tenant + ".admin", Role.CITY_ADMIN, tenant, null, null, null);
    fixtures.user(tenant + ".staff", Role.CITY_STAFF, tenant, null, null, null);
    admin = api.login(tenant + ".admin", PlatformFixtures.PASSWORD);
    staff = api.login(tenant + ".staff", PlatformFixtures.PASSWORD);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String category : CATEGORIES) {
      lines.add(Map.of("category", category, "amount", "90000000.00"));
      byCategory.put(category, new long[3]);
    }
    assertThat(api.put(base + "/budgets/" + YEAR, Map.of("lines", lines), admin).status())
        .isEqualTo(200);
  }

  @Test
  void theBudgetAgainstActualEqualsTheLedgerToTheFen() throws Exception {
    Random random = new Random(2052);
    List<String> ids = new ArrayList<>();
    List<Long> amounts = new ArrayList<>();
    List<Integer> months = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long fen = 1 + random.nextInt(5_000_000);
      int month = 1 + random.nextInt(12);
      String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      Answer spent = spend(month, fen, category);
      assertThat(spent.status()).as(spent.text()).isEqualTo(201);
      ids.add(spent.string("id"));
      amounts.add(fen);
      months.add(month);
      categories.add(category);
    }
    // twelve at once on one line and month: the totals take every one of them
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Answer>> parallel = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        long fen = 100 + i;
        parallel.add(pool.submit(() -> spend(7, fen, "慰问")));
      }
      for (Future<Answer> answer : parallel) {
        assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    // vouchers for every third expenditure, the first one twice (evidenced once)
    for (int i = 0; i < ids.size(); i += 3) {
      for (int times = i == 0 ? 2 : 1; times > 0; times--) {
        Answer voucher =
            api.upload(
                base + "/expenditures/" + ids.get(i) + "/voucher",
                "file",
                "凭证.pdf",
                BudgetApiTest.PDF,
                staff);
        assertThat(voucher.status()).as(voucher.text()).isEqualTo(200);
      }
      byCategory.get(categories.get(i))[1] += amounts.get(i);
      byMonth[months.get(i)][1] += amounts.get(i);
    }
    // a refused import changes nothing, a good one counts row by row
    byte[] template = api.download(base + "/expenditures/import-template", staff).body();
    String[][] refused = {{YEAR + "-03-03", "慰问", "1.00"}, {YEAR + "-03-04", "不存在", "2.00"}};
    assertThat(
            api.upload(
                    base + "/expenditures/import",
                    "file",
                    "a.xlsx",
                    sheet(template, refused),
                    staff)
                .status())
        .isEqualTo(422);
    List<String[]> imported = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long fen = 1 + random.nextInt(900_000);
      int month = 1 + random.nextInt(12);
      String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      imported.add(
          new String[] {
            String.format("%d-%02d-%02d", YEAR, month, 1 + random.nextInt(28)),
            category,
            BigDecimal.valueOf(fen, 2).toPlainString()
          });
      count(month, fen, category);
    }
    Answer committed =
        api.upload(
            base + "/expenditures/import",
            "file",
            "b.xlsx",
            sheet(template, imported.toArray(String[][]::new)),
            staff);
    assertThat(committed.status()).as(committed.text()).isEqualTo(201);

    Answer budget = api.get(base + "/budgets/" + YEAR, admin);
    TenantContext reader = new TestTenants(context).as(tenant, Role.CITY_STAFF);
    BudgetSqlForBench sql = new BudgetSqlForBench(context);
    TenantScope scope = context.getBean(TenantScope.class);
    Map<Long, BudgetSqlForBench.Sums> ledger = scope.read(reader, () -> sql.ledgerLines(YEAR));
    long spentFen = 0;
    long evidencedFen = 0;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) budget.map().get("lines");
    assertThat(lines).hasSize(CATEGORIES.size());
    for (Map<String, Object> line : lines) {
      long[] written = byCategory.get(line.get("category").toString());
      BudgetSqlForBench.Sums rows = ledger.get(Long.parseLong(line.get("id").toString()));
      assertThat(amount(line, "spent"))
          .isEqualTo(BigDecimal.valueOf(written[0], 2))
          .isEqualTo(rows.spent());
      assertThat(amount(line, "evidenced"))
          .isEqualTo(BigDecimal.valueOf(written[1], 2))
          .isEqualTo(rows.evidenced());
      assertThat(Long.parseLong(line.get("expenditures").toString()))
          .isEqualTo(written[2])
          .isEqualTo(rows.count());
      spentFen += written[0];
      evidencedFen += written[1];
    }
    assertThat(amount(budget.map(), "spent")).isEqualTo(BigDecimal.valueOf(spentFen, 2));
    assertThat(amount(budget.map(), "evidenced")).isEqualTo(BigDecimal.valueOf(evidencedFen, 2));

    Map<Long, BudgetSqlForBench.Sums> ledgerMonths =
        scope.read(reader, () -> sql.ledgerMonths(YEAR));
    long cumulative = 0;
    for (Map<String, Object> month : api.get(base + "/budgets/" + YEAR + "/months", admin).list()) {
      int m = Integer.parseInt(month.get("month").toString());
      cumulative += byMonth[m][0];
      BudgetSqlForBench.Sums rows = ledgerMonths.get((long) m);
      assertThat(amount(month, "spent"))
          .isEqualTo(BigDecimal.valueOf(byMonth[m][0], 2))
          .isEqualTo(rows == null ? BigDecimal.ZERO.setScale(2) : rows.spent());
      // (a month without a voucher answers 0.00, which the test's JSON reader may read as 0.0)
      assertThat(amount(month, "evidenced"))
          .isEqualByComparingTo(BigDecimal.valueOf(byMonth[m][1], 2));
      assertThat(amount(month, "cumulative"))
          .isEqualByComparingTo(BigDecimal.valueOf(cumulative, 2));
    }
    assertThat(cumulative).isEqualTo(spentFen);
  }

  private Answer spend(int month, long fen, String category) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", String.format("%d-%02d-15", YEAR, month));
    body.put("amount", BigDecimal.valueOf(fen, 2).toPlainString());
    body.put("category", category);
    body.put("payee", "驻地某部");
    body.put("purpose", "慰问");
    Answer answer = api.post(base + "/expenditures", body, staff);
    if (answer.status() == 201) {
      count(month, fen, category);
    }
    return answer;
  }

  private synchronized void count(int month, long fen, String category) {
    long[] line = byCategory.get(category);
    line[0] += fen;
    line[2]++;
    byMonth[month][0] += fen;
  }

  private static BigDecimal amount(Map<String, Object> map, String field) {
    return new BigDecimal(map.get(field).toString());
  }

  /** The import template with {@code rows} (date, category, amount) below its header. */
  private static byte[] sheet(byte[] template, String[][] rows) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = book.getSheetAt(0);
      Map<String, Integer> columns = new HashMap<>();
      for (var cell : sheet.getRow(0)) {
        if (cell.getCellType() == CellType.STRING) {
          columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
      }
      for (int r = sheet.getLastRowNum(); r > 0; r--) {
        if (sheet.getRow(r) != null) {
          sheet.removeRow(sheet.getRow(r));
        }
      }
      for (int i = 0; i < rows.length; i++) {
        Row row = sheet.createRow(1 + i);
        row.createCell(columns.get("支出日期")).setCellValue(rows[i][0]);
        row.createCell(columns.get("经费类别")).setCellValue(rows[i][1]);
        row.createCell(columns.get("金额（元）")).setCellValue(rows[i][2]);
        row.createCell(columns.get("收款单位（人）")).setCellValue("驻地某部");
        row.createCell(columns.get("用途")).setCellValue("导入");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }
}
