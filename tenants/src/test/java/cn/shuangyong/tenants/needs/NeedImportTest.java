package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.sheets.SheetColumn;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedSheet;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Excel import of a list: the template, all-or-nothing, every bad row reported. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedImportTest implements TestPropertyProvider {
  private static final String NEEDS = "/api/v1/tenants/pinghu/needs";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;
  String staff;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
  }

  @Test
  void theTemplateHasTheImportColumns() throws Exception {
    var response = api.download(NEEDS + "/import-template", staff);
    assertThat(response.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Row head = workbook.getSheetAt(0).getRow(0);
      assertThat(head.getCell(0).getStringCellValue()).isEqualTo("方向");
      assertThat(head.getCell(1).getStringCellValue()).isEqualTo("事项名称");
    }
  }

  @Test
  void aValidListIsImportedWhole() throws Exception {
    long before = count();
    String future = LocalDate.now().plusMonths(2).toString();
    byte[] file =
        workbook(
            List.of(
                List.of("拥军优属", "导入-营区照明", "营区建设", "驻平陆军某部（示例）", "路灯 40 盏", future, "集中征集", ""),
                List.of("拥军优属", "导入-子女入学", "子女入学", "武警平湖中队（示例）", "", "", "座谈走访", ""),
                List.of("拥政爱民", "导入-无偿献血", "公益服务", "", "年度献血", "", "", "")));
    Answer answer = api.upload(NEEDS + "/import", "file", "list.xlsx", file, staff);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    assertThat(answer.string("imported")).isEqualTo("3");
    assertThat(count() - before).isEqualTo(3);
  }

  @Test
  void oneBadRowMeansNothingIsSavedAndEveryBadRowIsReported() throws Exception {
    long before = count();
    byte[] file =
        workbook(
            List.of(
                List.of("拥军优属", "好的一行", "营区建设", "驻平陆军某部（示例）", "", "", "", ""),
                List.of("横向", "", "不存在的类别", "", "", "2020-13-45", "", ""),
                List.of("拥军优属", "另一行好的", "官兵出行", "驻平陆军某部（示例）", "", "", "", ""),
                List.of("拥军优属", "过期", "官兵出行", "不存在的部队", "", "2001-01-01", "电话", "")));
    Answer answer = api.upload(NEEDS + "/import", "file", "bad.xlsx", file, staff);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.text())
        .contains("第 3 行")
        .contains("第 5 行")
        .contains("rows[3].direction")
        .contains("rows[3].title")
        .contains("rows[3].category")
        .contains("rows[3].expectedBy")
        .contains("rows[5].garrisonUnit")
        .contains("rows[5].expectedBy")
        .contains("rows[5].source")
        .doesNotContain("rows[2]")
        .doesNotContain("rows[4]");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void threeRowsWrongInThreeWaysAreAllReportedInTheCallersLanguageAndNothingIsSaved()
      throws Exception {
    long before = count();
    String future = LocalDate.now().plusMonths(2).toString();
    byte[] file =
        workbook(
            List.of(
                List.of("拥军优属", "导入-好的", "营区建设", "驻平陆军某部（示例）", "", future, "", ""),
                List.of("向左", "导入-方向不对", "营区建设", "驻平陆军某部（示例）", "", "", "", ""),
                List.of("拥政爱民", "导入-好的二", "公益服务", "", "", "", "", ""),
                List.of("拥军优属", "导入-部队不存在", "营区建设", "不存在的部队", "", "", "", ""),
                List.of(
                    "For the troops", "导入-年度不对", "营区建设", "驻平陆军某部（示例）", "", "", "Visit", "1999")));
    Answer chinese = api.upload(NEEDS + "/import", "file", "three.xlsx", file, staff);
    assertThat(chinese.status()).isEqualTo(422);
    assertThat(chinese.text())
        .contains("第 3 行：方向须为")
        .contains("第 5 行：未知的驻军单位“不存在的部队”")
        .contains("第 6 行：年度“1999”无效")
        .contains("rows[3].direction", "rows[5].garrisonUnit", "rows[6].year")
        .doesNotContain("rows[2]", "rows[4]", "rows[6].direction", "rows[6].source");
    Answer english = api.upload(NEEDS + "/import", "file", "three.xlsx", file, staff, "en");
    assertThat(english.status()).isEqualTo(422);
    assertThat(english.text())
        .contains("Row 3: the direction must be")
        .contains("Row 5: unknown garrison unit")
        .contains("Row 6: invalid year");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theTemplateRoundTripsInEitherLanguage() throws Exception {
    long before = count();
    // Chinese: the example row overwritten with the office's own row
    byte[] chinese = filled(template("zh-CN"), 1, "拥政爱民", "模板-义务植树", "公益服务", "", "");
    Answer answer = api.upload(NEEDS + "/import", "file", "zh.xlsx", chinese, staff);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    assertThat(answer.string("imported")).isEqualTo("1");
    // English: the example row (a category and a garrison unit of the city itself) kept, one added
    byte[] english =
        filled(template("en"), 2, "For the troops", "模板-营区供暖", "营区建设", "驻平陆军某部（示例）", "Visit");
    answer = api.upload(NEEDS + "/import", "file", "en.xlsx", english, staff, "en");
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    assertThat(answer.string("imported")).isEqualTo("2");
    assertThat(count() - before).isEqualTo(3);
  }

  private byte[] template(String language) throws Exception {
    var response = api.download(NEEDS + "/import-template", staff, language);
    assertThat(response.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      Row head = workbook.getSheetAt(0).getRow(0);
      String expected = language.equals("en") ? "Direction" : "方向";
      assertThat(head.getCell(0).getStringCellValue()).isEqualTo(expected);
    }
    return response.body();
  }

  /** The template with row {@code index} filled as an office types it (source in column 7). */
  private static byte[] filled(byte[] template, int index, String... cells) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row row = workbook.getSheetAt(0).createRow(index);
      for (int i = 0; i < 4; i++) {
        row.createCell(i).setCellValue(cells[i]);
      }
      row.createCell(6).setCellValue(cells[4]);
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aFileThatIsNoWorkbookIs400AndOnlyTheOfficeImports() throws Exception {
    Answer garbage =
        api.upload(NEEDS + "/import", "file", "x.xlsx", "not a workbook".getBytes(), staff);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.text()).contains("Excel");
    byte[] file = workbook(List.of(List.of("拥军优属", "x", "其他", "驻平陆军某部（示例）", "", "", "", "")));
    assertThat(
            api.upload(
                    NEEDS + "/import",
                    "file",
                    "l.xlsx",
                    file,
                    api.login("pinghu.liaison", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(
            api.upload(
                    NEEDS + "/import",
                    "file",
                    "l.xlsx",
                    file,
                    api.login("hangzhou.admin", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(404);
  }

  private static byte[] workbook(List<List<String>> rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("双清单导入");
      Row head = sheet.createRow(0);
      List<String> headers =
          NeedSheet.DEFINITION.importColumns().stream().map(SheetColumn::labelKey).toList();
      for (int i = 0; i < headers.size(); i++) {
        head.createCell(i).setCellValue(headers.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < rows.get(r).size(); i++) {
          row.createCell(i).setCellValue(rows.get(r).get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static long count() throws Exception {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from t_pinghu.need")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
