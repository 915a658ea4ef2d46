package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedImport;
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
      for (int i = 0; i < NeedImport.COLUMNS.size(); i++) {
        head.createCell(i).setCellValue(NeedImport.COLUMNS.get(i));
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
