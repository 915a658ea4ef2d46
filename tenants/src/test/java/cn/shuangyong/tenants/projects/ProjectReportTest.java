package cn.shuangyong.tenants.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.PrintableSheet;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.projects.api.ProjectExport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The projects' list export and the yearly 军地互办实事 report (JSON, Excel, the printable model): one
 * sheet definition for all, names instead of ids, exact budgets, the list's filters honoured, the
 * totals per status and per funding source, and the statuses the contract names (200, 400, 401,
 * 404). The projects are planned in a year of their own, so the report holds exactly them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectReportTest implements TestPropertyProvider {
  private static final String PROJECTS = "/api/v1/tenants/pinghu/projects";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  @Inject ProjectExport export;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  final int year = ThreadLocalRandom.current().nextInt(2040, 2099);
  final String marker = UUID.randomUUID().toString().substring(0, 6);
  long liaisonUnit;
  String liaisonUnitName;
  String needTitle;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  @BeforeAll
  void threeProjectsOfOneYear() {
    api = new Api(server, json);
    liaisonUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.liaison")).string("garrisonUnitId"));
    liaisonUnitName =
        api
            .get("/api/v1/tenants/pinghu/garrison-units?size=200", token("pinghu.admin"))
            .items()
            .stream()
            .filter(unit -> ((Number) unit.get("id")).longValue() == liaisonUnit)
            .map(unit -> (String) unit.get("name"))
            .findFirst()
            .orElseThrow();
    needTitle = "营区饮水-" + marker;
    Map<String, Object> need = new HashMap<>();
    need.put("direction", "FOR_TROOPS");
    need.put("title", needTitle);
    need.put("category", "营区建设");
    Answer submitted = api.post("/api/v1/tenants/pinghu/needs", need, token("pinghu.liaison"));
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    long needId = Long.parseLong(submitted.string("id"));

    project("净水设备-" + marker, "100000.10", "FISCAL", 1, List.of(needId));
    long started = project("随军子女托管-" + marker, "2500.55", "DONATED", 2, List.of());
    assertThat(
            api.post(PROJECTS + "/" + started + "/start", Map.of(), token("pinghu.staff")).status())
        .isEqualTo(200);
    long cancelled = project("慰问演出-" + marker, "300", "FISCAL", 3, List.of());
    assertThat(
            api.post(
                    PROJECTS + "/" + cancelled + "/cancel",
                    Map.of("reason", "演出改期"),
                    token("pinghu.staff"))
                .status())
        .isEqualTo(200);
  }

  private long project(String name, String budget, String funding, int month, List<Long> needIds) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("category", "基础设施");
    body.put("garrisonUnitIds", List.of(liaisonUnit));
    body.put(
        "responsibleUnitId",
        Long.parseLong(api.get("/api/v1/me", token("pinghu.handler")).string("responsibleUnitId")));
    body.put("budget", budget);
    body.put("fundingSource", funding);
    body.put("plannedStart", LocalDate.of(year, month, 1).toString());
    body.put("plannedEnd", LocalDate.of(year, month + 6, 1).toString());
    body.put("needIds", needIds);
    Answer answer = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return Long.parseLong(answer.string("id"));
  }

  @Test
  void theReportHoldsTheYearsProjectsWithTotalsPerStatusAndFundingSource() {
    Answer report = api.get(PROJECTS + "/report?year=" + year, token("pinghu.admin"));
    assertThat(report.status()).as(report.text()).isEqualTo(200);
    assertThat(report.string("year")).isEqualTo(String.valueOf(year));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> projects = (List<Map<String, Object>>) report.map().get("projects");
    assertThat(projects)
        .extracting(p -> p.get("name"))
        .as("by planned start")
        .containsExactly("净水设备-" + marker, "随军子女托管-" + marker, "慰问演出-" + marker);
    assertThat(report.text())
        .contains("{\"status\":\"PLANNED\",\"count\":1,\"budget\":100000.10,\"needsFulfilled\":1}")
        .contains(
            "{\"status\":\"IN_PROGRESS\",\"count\":1,\"budget\":2500.55,\"needsFulfilled\":0}")
        .contains("{\"status\":\"DONE\",\"count\":0,\"budget\":0.00,\"needsFulfilled\":0}")
        .contains("{\"status\":\"CANCELLED\",\"count\":1,\"budget\":300.00,\"needsFulfilled\":0}")
        .contains(
            "{\"fundingSource\":\"FISCAL\",\"count\":2,\"budget\":100300.10,\"needsFulfilled\":1}")
        .contains(
            "{\"fundingSource\":\"DONATED\",\"count\":1,\"budget\":2500.55,\"needsFulfilled\":0}")
        .contains("\"total\":{\"count\":3,\"budget\":102800.65,\"needsFulfilled\":1}")
        .contains("\"needs\":[{\"id\":");
  }

  @Test
  void theReportWorkbookHasTheProjectsAndTheTotalsWithNamesAndExactMoney() throws Exception {
    HttpResponse<byte[]> answer =
        api.download(PROJECTS + "/report.xlsx?year=" + year, token("pinghu.staff"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("spreadsheetml");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(3);
      Sheet projects = book.getSheetAt(0);
      assertThat(projects.getSheetName()).isEqualTo(year + " 年度军地互办实事");
      assertThat(texts(projects.getRow(0)))
          .containsExactly(
              "序号",
              "项目名称",
              "项目类别",
              "受益驻军单位",
              "责任单位",
              "预算（元）",
              "资金来源",
              "计划开始",
              "计划完成",
              "状态",
              "进度",
              "办理的双清单事项");
      Row first = projects.getRow(1);
      assertThat(texts(first))
          .as("units and needs by name, choices in words")
          .contains("净水设备-" + marker, liaisonUnitName, "财政", "计划中", "0%", needTitle)
          .doesNotContain("FISCAL", "PLANNED");
      Cell budget = first.getCell(5);
      assertThat(budget.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(((XSSFCell) budget).getCTCell().getV())
          .as("exact, never a double")
          .isEqualTo("100000.10");
      assertThat(first.getCell(7).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(year, 1, 1));
      assertThat(projects.getLastRowNum()).isEqualTo(3);

      Sheet byStatus = book.getSheetAt(1);
      assertThat(byStatus.getSheetName()).isEqualTo("按项目状态汇总");
      assertThat(texts(byStatus.getRow(0))).containsExactly("分类", "项目数", "预算合计（元）", "办理事项数");
      assertThat(texts(byStatus.getRow(1))).containsExactly("计划中", "1", "100000.10", "1");
      assertThat(texts(byStatus.getRow(5))).containsExactly("合计", "3", "102800.65", "1");
      Sheet byFunding = book.getSheetAt(2);
      assertThat(byFunding.getSheetName()).isEqualTo("按资金来源汇总");
      assertThat(texts(byFunding.getRow(1))).containsExactly("财政", "2", "100300.10", "1");
      assertThat(((XSSFCell) byFunding.getRow(5).getCell(2)).getCTCell().getV())
          .isEqualTo("102800.65");
    }
  }

  @Test
  void inEnglishTheSameSheetsSpeakEnglish() throws Exception {
    HttpResponse<byte[]> answer =
        api.download(PROJECTS + "/report.xlsx?year=" + year, token("pinghu.staff"), "en");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Civil-military projects " + year);
      assertThat(texts(book.getSheetAt(0).getRow(0))).startsWith("No.", "Project name");
      assertThat(texts(book.getSheetAt(0).getRow(1))).contains("Public funds", "Planned");
      assertThat(texts(book.getSheetAt(1).getRow(5))).startsWith("Total");
    }
  }

  @Test
  void theListExportHonoursTheListsFilters() throws Exception {
    HttpResponse<byte[]> all =
        api.download(PROJECTS + "/export?year=" + year, token("pinghu.staff"));
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("projects-pinghu-" + year + ".xlsx");
    assertThat(rowsOf(all.body())).hasSize(3);
    HttpResponse<byte[]> running =
        api.download(
            PROJECTS + "/export?year=" + year + "&status=IN_PROGRESS", token("pinghu.staff"));
    List<List<String>> rows = rowsOf(running.body());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).contains("随军子女托管-" + marker, "社会募集", "实施中", "2500.55");
    HttpResponse<byte[]> searched =
        api.download(
            PROJECTS + "/export?q=" + URLEncoder.encode("净水设备-" + marker, StandardCharsets.UTF_8),
            token("pinghu.admin"));
    assertThat(rowsOf(searched.body())).hasSize(1);
    assertThat(rowsOf(searched.body()).get(0)).contains(needTitle);
    // the liaison of the benefiting unit has them, another unit's liaison none
    assertThat(
            rowsOf(api.download(PROJECTS + "/export?year=" + year, token("pinghu.liaison")).body()))
        .hasSize(3);
    assertThat(
            rowsOf(
                api.download(PROJECTS + "/export?year=" + year, token("pinghu.liaison2")).body()))
        .isEmpty();
  }

  @Test
  void thePrintableReportHasTheTableAndTheTotals() {
    ProjectExport.PrintableReport printed =
        export.printableReport(
            new TestTenants(context).as("pinghu", Role.CITY_STAFF), year, Messages.CHINESE);
    assertThat(printed.title()).isEqualTo(year + " 年度军地互办实事");
    PrintableSheet table = printed.projects();
    assertThat(table.headers()).startsWith("序号", "项目名称");
    assertThat(table.sections()).hasSize(1);
    assertThat(table.sections().get(0).rows()).hasSize(3);
    assertThat(table.sections().get(0).rows().get(0))
        .contains("净水设备-" + marker, "100000.10", year + "-01-01", needTitle);
    assertThat(table.keptOnOneLine(table.headers().indexOf("预算（元）"))).isTrue();
    assertThat(table.keptOnOneLine(table.headers().indexOf("计划开始"))).isTrue();
    assertThat(printed.totals().sections())
        .extracting(PrintableSheet.Section::title)
        .containsExactly("按项目状态汇总", "按资金来源汇总");
    assertThat(printed.totals().sections().get(1).rows())
        .contains(List.of("财政", "2", "100300.10", "1"), List.of("合计", "3", "102800.65", "1"));
  }

  @Test
  void badInputAndStrangersAreRefusedNeverA500() {
    assertThat(api.download(PROJECTS + "/report?year=" + year, null).statusCode()).isEqualTo(401);
    assertThat(api.download(PROJECTS + "/report.xlsx", null).statusCode()).isEqualTo(401);
    assertThat(api.download(PROJECTS + "/export", null).statusCode()).isEqualTo(401);
    assertThat(api.get(PROJECTS + "/report?year=1999", token("pinghu.staff")).status())
        .isEqualTo(400);
    assertThat(api.download(PROJECTS + "/report.xlsx?year=abc", token("pinghu.staff")).statusCode())
        .isEqualTo(400);
    assertThat(api.download(PROJECTS + "/export?status=BOGUS", token("pinghu.staff")).statusCode())
        .isEqualTo(400);
    assertThat(api.download(PROJECTS + "/export?year=3000", token("pinghu.staff")).statusCode())
        .isEqualTo(400);
    for (String path : List.of("/report?year=" + year, "/report.xlsx?year=" + year, "/export")) {
      assertThat(api.download(PROJECTS + path, token("hangzhou.admin")).statusCode())
          .as(path + " of another city")
          .isEqualTo(404);
    }
    Answer supervisor = api.get(PROJECTS + "/report?year=" + year, token("jx.supervisor"));
    assertThat(supervisor.status()).as(supervisor.text()).isEqualTo(200);
    assertThat(supervisor.text()).contains("净水设备-" + marker);
    // this year's report, when no year is given
    Answer thisYear = api.get(PROJECTS + "/report", token("pinghu.staff"));
    assertThat(thisYear.string("year")).isEqualTo(String.valueOf(LocalDate.now().getYear()));
  }

  private static List<List<String>> rowsOf(byte[] workbook) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      Sheet sheet = book.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        rows.add(texts(sheet.getRow(i)));
      }
      return rows;
    }
  }

  private static List<String> texts(Row row) {
    DataFormatter format = new DataFormatter();
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(format.formatCellValue(cell)));
    return texts;
  }
}
