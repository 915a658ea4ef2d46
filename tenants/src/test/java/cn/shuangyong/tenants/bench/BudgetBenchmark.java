package cn.shuangyong.tenants.bench;

import static cn.shuangyong.platform.bench.BenchSupport.*;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantCode;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 经费 figures of issue 8, every target a ratio taken side by side in one run:
 *
 * <ol>
 *   <li>the budget against actual ({@code GET /api/v1/tenants/{t}/budgets/{year}} then {@code
 *       …/months}, what the budget page and its chart load) over the API through the real server
 *       with a token, for a tenant with {@code bench.small} (1,000) expenditures and one with
 *       {@code bench.large} (100,000): the large at most 1.5× the time of the small;
 *   <li>the same at the large tenant against the bare aggregate SQL of the ledger (sums over every
 *       expenditure row of the year, by line and by month: what the store ran before issue 8)
 *       through {@code TenantScope} (same pool, same fence): at most 1.5×; the store's own reads
 *       through the same pool are measured beside them;
 *   <li>the Excel import of a generated {@code bench.import.rows} (10,000) row ledger, checked and
 *       committed, over the API: rows per second.
 * </ol>
 *
 * <p>The ledgers are loaded by bulk SQL through each tenant's schema (a year's spread over the nine
 * categories and twelve months, amounts to the fen, about 60 % with a voucher), then the store's
 * running totals are rebuilt from them and VACUUM ANALYZE runs. Before measuring, the API's answer
 * is held against the ledger's bare aggregate to the cent. One client at a time (the time of the
 * answer, not a queue); API and SQL, small and large alternate in {@code bench.rounds} rounds so
 * the shared machine's load hits them alike.
 *
 * <p>Not a unit test. Run: {@code mvn -pl tenants -am -Pbench -Dbench.provisioning.skip=true
 * -Dbench.needs.skip=true -DskipTests verify} → {@code tenants/target/bench/budgets.md}. Knobs:
 * {@code bench.small} (1000), {@code bench.large} (100000), {@code bench.import.rows} (10000),
 * {@code bench.warmup} (30 s), {@code bench.duration} (40 s per measurement, split over the
 * rounds), {@code bench.rounds} (5), {@code test.infra}.
 */
public final class BudgetBenchmark {
  private static final String PROVINCE = "budgetbench";
  private static final String SMALL = "bbsmall";
  private static final String LARGE = "bblarge";
  private static final String IMPORT = "bbimport";
  private static final int YEAR = 2026;
  private static final double TARGET_RATIO = 1.5;
  private static final List<String> CATEGORIES =
      List.of("慰问", "基础设施", "帮扶救助", "医疗保障", "出行保障", "文化活动", "就业安置", "宣传教育", "其他");

  private final TestInfrastructure infra = TestInfrastructure.get();
  private final List<String[]> rows = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> plans = new ArrayList<>();
  private ApplicationContext context;
  private EmbeddedServer server;
  private Api api;

  public static void main(String[] args) throws Exception {
    BudgetBenchmark bench = new BudgetBenchmark();
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    int exitCode = 0;
    try {
      bench.run();
    } catch (Exception | AssertionError e) {
      bench.notes.add("benchmark aborted: " + e);
      e.printStackTrace();
      exitCode = 1;
    } finally {
      bench.facts.put(
          "Load average at start / end (1, 5, 15 min)", loadBefore + " / " + loadAverage());
      bench.facts.put(
          "Benchmark wall time", seconds(Duration.ofNanos(System.nanoTime() - started)) + " s");
      bench.report();
      if (bench.context != null) {
        bench.context.close();
      }
    }
    System.exit(exitCode);
  }

  private void run() throws Exception {
    int small = Integer.getInteger("bench.small", 1_000);
    int large = Integer.getInteger("bench.large", 100_000);
    int importRows = Integer.getInteger("bench.import.rows", 10_000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 30));
    Duration perRound = Duration.ofSeconds(Long.getLong("bench.duration", 40)).dividedBy(rounds);

    start();
    Map<String, String> tokens = world();
    load(SMALL, small, 11);
    load(LARGE, large, 12);
    analyze();
    reconcile(SMALL, tokens.get(SMALL));
    reconcile(LARGE, tokens.get(LARGE));
    explain();

    URI base = server.getURI();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    BudgetSqlForBench sql = new BudgetSqlForBench(context);
    TenantScope scope = context.getBean(TenantScope.class);
    TestTenants tenants = new TestTenants(context);
    Map<String, NeedListBenchmark.Load.Call> calls = new LinkedHashMap<>();
    for (String tenant : List.of(SMALL, LARGE)) {
      String token = tokens.get(tenant);
      TenantContext staff = tenants.as(tenant, Role.CITY_STAFF);
      calls.put(
          "API " + tenant,
          (client, random) ->
              get(http, base, tenant, "", token) && get(http, base, tenant, "/months", token)
                  ? 0
                  : -1);
      calls.put(
          "store SQL " + tenant,
          (client, random) -> {
            scope.read(staff, () -> sql.storeLines(YEAR));
            scope.read(staff, () -> sql.storeMonths(YEAR));
            return 0;
          });
      calls.put(
          "ledger SQL " + tenant,
          (client, random) -> {
            scope.read(staff, () -> sql.ledgerLines(YEAR));
            scope.read(staff, () -> sql.ledgerMonths(YEAR));
            return 0;
          });
    }
    log("warm-up %d s over the %d measurements", warmup.toSeconds(), calls.size());
    for (NeedListBenchmark.Load.Call call : calls.values()) {
      NeedListBenchmark.Load.run(1, warmup.dividedBy(calls.size()), call, 1);
    }
    Map<String, NeedListBenchmark.Load> totals = new LinkedHashMap<>();
    calls.keySet().forEach(k -> totals.put(k, new NeedListBenchmark.Load(1)));
    for (int r = 1; r <= rounds; r++) {
      StringBuilder round = new StringBuilder("round " + r + ":");
      for (Map.Entry<String, NeedListBenchmark.Load.Call> call : calls.entrySet()) {
        NeedListBenchmark.Load load = NeedListBenchmark.Load.run(1, perRound, call.getValue(), 1);
        totals.get(call.getKey()).add(load);
        round.append(" ").append(call.getKey()).append(" p50 ").append(millis(load.percentile(50)));
      }
      round.append(" ms; load ").append(loadAverage());
      log("%s", round);
      notes.add(round.toString());
    }
    report(totals, small, large);
    importLedger(tokens, importRows);
  }

  private static boolean get(HttpClient http, URI base, String tenant, String tail, String token)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve("/api/v1/tenants/" + tenant + "/budgets/" + YEAR + tail))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
  }

  private void report(Map<String, NeedListBenchmark.Load> totals, int small, int large) {
    String what = "Budget against actual (`GET …/budgets/" + YEAR + "` + `…/months`), 1 client";
    for (Map.Entry<String, NeedListBenchmark.Load> total : totals.entrySet()) {
      String key = total.getKey();
      int expenditures = key.endsWith(LARGE) ? large : small;
      String label =
          key.startsWith("API")
              ? what + ", over the API"
              : key.startsWith("store")
                  ? "The store's reads of the same (lines + last year's total; months) through"
                      + " TenantScope"
                  : "Bare aggregate SQL of the ledger (sums over the year's rows by line; by month)"
                      + " through TenantScope";
      rows.add(
          row(
              label
                  + ", "
                  + String.format(Locale.ROOT, "%,d", expenditures)
                  + " expenditures:"
                  + " p50 / p95 / p99",
              total.getValue().triple() + " (" + total.getValue().count() + " samples)",
              "",
              total.getValue().errors.get() > 0
                  ? total.getValue().errors.get() + " errors ❌"
                  : ""));
    }
    NeedListBenchmark.Load apiSmall = totals.get("API " + SMALL);
    NeedListBenchmark.Load apiLarge = totals.get("API " + LARGE);
    NeedListBenchmark.Load ledgerLarge = totals.get("ledger SQL " + LARGE);
    NeedListBenchmark.Load storeLarge = totals.get("store SQL " + LARGE);
    ratio("API, " + large + " against " + small + " expenditures", apiLarge, apiSmall, true);
    ratio(
        "API against the bare aggregate SQL of the ledger, " + large + " expenditures",
        apiLarge,
        ledgerLarge,
        true);
    ratio(
        "API against the store's own reads, " + large + " expenditures",
        apiLarge,
        storeLarge,
        false);
  }

  private void ratio(
      String what, NeedListBenchmark.Load a, NeedListBenchmark.Load b, boolean target) {
    double p50 = (double) a.percentile(50) / Math.max(1, b.percentile(50));
    double p95 = (double) a.percentile(95) / Math.max(1, b.percentile(95));
    rows.add(
        row(
            what + ": ratio of p50 / of p95",
            String.format(Locale.ROOT, "%.2f× / %.2f×", p50, p95),
            target ? "≤ 1.5×" : "",
            target ? verdict(p50 <= TARGET_RATIO) + " / " + verdict(p95 <= TARGET_RATIO) : ""));
  }

  // ---------------------------------------------------------------------------------------------
  // the import

  private void importLedger(Map<String, String> tokens, int count) throws Exception {
    String token = tokens.get(IMPORT);
    String path = "/api/v1/tenants/" + IMPORT + "/expenditures/import";
    byte[] template = api.download(path + "-template", token).body();
    Random random = new Random(2026);
    // warm-up: a small ledger of another year
    Ledger warm = ledger(template, YEAR - 1, 500, random);
    Answer first = api.upload(path, "file", "warm.xlsx", warm.bytes(), token);
    check(first.status() == 201, "warm-up import: " + first.status() + " " + first.text());
    Ledger ledger = ledger(template, YEAR, count, random);
    String load = loadAverage();
    long t0 = System.nanoTime();
    Answer imported = api.upload(path, "file", "ledger.xlsx", ledger.bytes(), token);
    long elapsed = System.nanoTime() - t0;
    check(
        imported.status() == 201 && imported.string("imported").equals(String.valueOf(count)),
        "import: " + imported.status() + " " + imported.text());
    Answer budget = api.get("/api/v1/tenants/" + IMPORT + "/budgets/" + YEAR, token);
    BigDecimal spent = new BigDecimal(budget.map().get("spent").toString());
    check(
        spent.compareTo(ledger.total()) == 0,
        "imported ledger spent " + spent + ", the sheet says " + ledger.total());
    rows.add(
        row(
            "Import of a "
                + String.format(Locale.ROOT, "%,d", count)
                + "-row ledger .xlsx ("
                + ledger.bytes().length / 1024
                + " KiB) over the API, every row checked, all committed in one transaction:"
                + " time, rows per second",
            String.format(
                Locale.ROOT,
                "%s s, %.0f rows/s (load %s); spent %s = the sheet's sum to the fen",
                seconds(Duration.ofNanos(elapsed)),
                count / (elapsed / 1e9),
                load,
                spent.toPlainString()),
            "",
            ""));
  }

  private record Ledger(byte[] bytes, BigDecimal total) {}

  /** The template with {@code count} rows over the categories and months, amounts to the fen. */
  private static Ledger ledger(byte[] template, int year, int count, Random random)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = book.getSheetAt(0);
      Row titles = sheet.getRow(0);
      Map<String, Integer> columns = new HashMap<>();
      for (var cell : titles) {
        if (cell.getCellType() == CellType.STRING) {
          columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
      }
      for (int r = sheet.getLastRowNum(); r > 0; r--) {
        if (sheet.getRow(r) != null) {
          sheet.removeRow(sheet.getRow(r));
        }
      }
      long fen = 0;
      for (int i = 0; i < count; i++) {
        Row row = sheet.createRow(1 + i);
        LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        long amount = 5_000 + random.nextInt(2_000_000);
        fen += amount;
        row.createCell(columns.get("支出日期")).setCellValue(date.toString());
        row.createCell(columns.get("经费类别")).setCellValue(CATEGORIES.get(random.nextInt(9)));
        row.createCell(columns.get("金额（元）"))
            .setCellValue(BigDecimal.valueOf(amount, 2).toPlainString());
        row.createCell(columns.get("收款单位（人）")).setCellValue("驻地部队" + (1 + random.nextInt(12)));
        row.createCell(columns.get("用途")).setCellValue("慰问及保障支出（导入第 " + (i + 1) + " 行）");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return new Ledger(out.toByteArray(), BigDecimal.valueOf(fen, 2));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // set-up

  private void start() throws SQLException {
    Map<String, Object> properties = new HashMap<>(infra.properties());
    properties.put("micronaut.server.port", -1);
    properties.put("shuangyong.demo.enabled", false);
    long t0 = System.nanoTime();
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    context = server.getApplicationContext();
    log("application started in %d ms", (System.nanoTime() - t0) / 1_000_000);
    api = new Api(server, context.getBean(JsonMapper.class));
    facts.put("Date", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    facts.put("CPU cores (JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
    facts.put("Memory", memTotal());
    facts.put(
        "JDK",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    facts.put("Infrastructure mode (test.infra)", infra.mode());
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      facts.put("PostgreSQL", single(statement, "select version()"));
      facts.put(
          "PostgreSQL settings",
          "shared_buffers="
              + single(statement, "show shared_buffers")
              + ", work_mem="
              + single(statement, "show work_mem")
              + ", synchronous_commit="
              + single(statement, "show synchronous_commit")
              + ", fsync="
              + single(statement, "show fsync"));
    }
  }

  /** The three tenants, a staff token each, and budgets of last year and this year. */
  private Map<String, String> world() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region(PROVINCE, AdministrativeLevel.PROVINCE, null);
    Map<String, String> tokens = new HashMap<>();
    for (String tenant : List.of(SMALL, LARGE, IMPORT)) {
      fixtures.tenant(tenant, PROVINCE);
      fixtures.user(tenant + ".admin", Role.CITY_ADMIN, tenant, null, null, null);
      fixtures.user(tenant + ".staff", Role.CITY_STAFF, tenant, null, null, null);
      String admin = api.login(tenant + ".admin", PlatformFixtures.PASSWORD);
      for (int year : List.of(YEAR - 2, YEAR - 1, YEAR)) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
          // generous: the bulk ledgers and the import never need an over-budget reason
          String amount = (900_000_000L + i * 10_000_000L + year) + ".00";
          lines.add(Map.of("category", CATEGORIES.get(i), "amount", amount));
        }
        Answer set =
            api.put(
                "/api/v1/tenants/" + tenant + "/budgets/" + year, Map.of("lines", lines), admin);
        check(set.status() == 200, "budget of " + tenant + ": " + set.text());
      }
      tokens.put(tenant, api.login(tenant + ".staff", PlatformFixtures.PASSWORD));
    }
    return tokens;
  }

  /** {@code count} expenditures of the year in the tenant's schema, ~60 % with a voucher. */
  private void load(String tenant, int count, int seed) throws SQLException {
    long t0 = System.nanoTime();
    String schema = new TenantCode(tenant).schema();
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select setseed(0." + seed + ")");
      statement.execute("set search_path = \"" + schema + "\"");
      statement.execute(
          EXPENDITURES.replace("$count", String.valueOf(count)).replace("$year", "" + YEAR));
      statement.execute(
          "insert into expenditure_voucher (expenditure_id, file_name, content_type, size_bytes,"
              + " storage_key, created_at, created_by)"
              + " select id, '凭证' || id || '.pdf', 'application/pdf', 1024,"
              + " 'bench/vouchers/' || id, created_at, 'bench' from expenditure"
              + " where evidenced and created_by = 'bench'");
      statement.execute("set search_path = public");
    }
    rebuildTotals(tenant);
    log(
        "loaded %d expenditures into %s in %d ms",
        count, tenant, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The store's running totals rebuilt from the rows loaded behind its back, by the statement of
   * the migration that introduced them.
   */
  private void rebuildTotals(String tenant) throws SQLException {
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("set search_path = \"" + new TenantCode(tenant).schema() + "\"");
      statement.execute("delete from budget_month_total");
      statement.execute(
          "insert into budget_month_total (budget_line_id, month, spent, evidenced, expenditures)"
              + " select budget_line_id, extract(month from spent_on)::int, sum(amount),"
              + " coalesce(sum(amount) filter (where evidenced), 0), count(*)"
              + " from expenditure group by 1, 2");
      statement.execute("set search_path = public");
    }
  }

  private void analyze() throws SQLException {
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("vacuum analyze");
      for (String tenant : List.of(SMALL, LARGE)) {
        String schema = "\"" + new TenantCode(tenant).schema() + "\"";
        facts.put(
            "Ledger of " + tenant,
            single(
                statement,
                "select count(*) || ' expenditures in ' || count(distinct year) || ' year, '"
                    + " || count(*) filter (where evidenced) || ' evidenced, '"
                    + " || count(distinct budget_line_id) || ' lines, ' || sum(amount) || ' yuan'"
                    + " from "
                    + schema
                    + ".expenditure"));
      }
    }
  }

  /** The API's answer against the bare aggregate of the ledger, to the cent, before measuring. */
  private void reconcile(String tenant, String token) {
    TenantContext staff = new TestTenants(context).as(tenant, Role.CITY_STAFF);
    BudgetSqlForBench sql = new BudgetSqlForBench(context);
    TenantScope scope = context.getBean(TenantScope.class);
    Map<Long, BudgetSqlForBench.Sums> lines = scope.read(staff, () -> sql.ledgerLines(YEAR));
    Map<Long, BudgetSqlForBench.Sums> months = scope.read(staff, () -> sql.ledgerMonths(YEAR));
    Answer budget = api.get("/api/v1/tenants/" + tenant + "/budgets/" + YEAR, token);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> answered = (List<Map<String, Object>>) budget.map().get("lines");
    for (Map<String, Object> line : answered) {
      BudgetSqlForBench.Sums sums = lines.get(Long.parseLong(line.get("id").toString()));
      check(
          new BigDecimal(line.get("spent").toString()).compareTo(sums.spent()) == 0
              && new BigDecimal(line.get("evidenced").toString()).compareTo(sums.evidenced()) == 0
              && Long.parseLong(line.get("expenditures").toString()) == sums.count(),
          tenant + " line " + line + " against the ledger " + sums);
    }
    for (Map<String, Object> month :
        api.get("/api/v1/tenants/" + tenant + "/budgets/" + YEAR + "/months", token).list()) {
      BudgetSqlForBench.Sums sums = months.get(Long.parseLong(month.get("month").toString()));
      BigDecimal spent = sums == null ? BigDecimal.ZERO : sums.spent();
      check(
          new BigDecimal(month.get("spent").toString()).compareTo(spent) == 0,
          tenant + " month " + month + " against the ledger " + sums);
    }
    notes.add(
        tenant
            + ": every line (spent, evidenced, count) and month (spent) of the API's answer equals"
            + " the bare aggregate of the ledger to the fen");
  }

  private void explain() {
    BudgetSqlForBench sql = new BudgetSqlForBench(context);
    TenantContext staff = new TestTenants(context).as(LARGE, Role.CITY_STAFF);
    plans.addAll(context.getBean(TenantScope.class).read(staff, () -> sql.explain(YEAR)));
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /** $count expenditures of $year over its lines and months, amounts to the fen. */
  private static final String EXPENDITURES =
      """
      with lines as (select array_agg(id order by id) a from budget_line where year = $year),
           g as (select i, random() r1, random() r2, random() r3, random() r4, random() r5
                 from generate_series(1, $count) i)
      insert into expenditure (year, budget_line_id, spent_on, amount, payee, purpose, evidenced,
                               created_at, created_by)
      select $year,
             (select a from lines)[1 + floor(power(r1, 1.4) * cardinality((select a from lines)))::int],
             make_date($year, 1, 1) + floor(r2 * 365)::int,
             round((50 + r3 * r3 * 49950)::numeric, 2),
             '驻地部队' || (1 + floor(r4 * 12)::int),
             (array['春节慰问', '八一慰问', '营区道路维修', '随军家属就业培训', '军人子女入学补助',
                    '官兵体检', '拥军文艺演出', '国防教育宣传'])[1 + floor(r4 * 8)::int]
               || '（第 ' || i || ' 笔）',
             r5 < 0.6,
             make_date($year, 1, 1) + floor(r2 * 365)::int * interval '1 day' + interval '9 hours',
             'bench'
      from g
      """;

  private void report() throws IOException {
    StringBuilder md =
        new StringBuilder("## 经费 benchmark: budget against actual, and the import\n\n");
    table(md, "| Measurement | Result | Target | |", rows);
    machine(md, facts, notes);
    md.append(
        "\nRun with `mvn -pl tenants -am -Pbench -Dbench.provisioning.skip=true"
            + " -Dbench.needs.skip=true -DskipTests verify` (see BudgetBenchmark for the knobs).\n");
    if (!plans.isEmpty()) {
      md.append(
          "\n<details><summary>Plans of the bare aggregates (EXPLAIN ANALYZE, large tenant)</summary>\n\n");
      plans.forEach(p -> md.append("```\n").append(p).append("```\n\n"));
      md.append("</details>\n");
    }
    write(md, "target/bench/budgets.md");
  }
}
