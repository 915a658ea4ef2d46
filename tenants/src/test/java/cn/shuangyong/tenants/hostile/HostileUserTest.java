package cn.shuangyong.tenants.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The API tried as a hostile user would: NUL characters, pages and sorts that overflow or inject,
 * dates far outside any plausible range, deleting what is referred to, uploads that lie about their
 * type, roles reading more than they need. Every answer is a 4xx problem in the caller's language,
 * never a 500, and nothing is saved.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUserTest implements TestPropertyProvider {
  private static final String TENANT = "/api/v1/tenants/pinghu";
  private static final String NEEDS = TENANT + "/needs";
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long liaisonUnit;
  long handlerUnit;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    liaisonUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.liaison")).string("garrisonUnitId"));
    handlerUnit =
        Long.parseLong(api.get("/api/v1/me", token("pinghu.handler")).string("responsibleUnitId"));
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  Map<String, Object> need(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("category", "官兵出行");
    return body;
  }

  long submitted() {
    Answer answer = api.post(NEEDS, need("出行-" + UUID.randomUUID()), token("pinghu.liaison"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return Long.parseLong(answer.string("id"));
  }

  /** A 400 problem whose errors name {@code field}. */
  static void refused(Answer answer, String field) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.text()).contains("\"field\":\"" + field + "\"");
  }

  static int total(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return ((Number) answer.map().get("total")).intValue();
  }

  // ---- NUL characters ----

  @Test
  void aNulCharacterInAnyTextFieldIsA400NamingTheFieldInTheCallersLanguage() {
    String liaison = token("pinghu.liaison");
    String marker = "NUL-" + UUID.randomUUID();
    Answer title = api.post(NEEDS, need(marker + "\u0000"), liaison);
    refused(title, "title");
    assertThat(title.text()).contains("空字符");
    Map<String, Object> description = need(marker);
    description.put("description", "a\u0000b");
    Answer english = api.post(NEEDS, description, liaison, "en");
    refused(english, "description");
    assertThat(english.text()).contains("NUL character");
    assertThat(total(api.get(NEEDS + "?q=" + marker, token("pinghu.staff")))).isZero();

    long id = submitted();
    String staff = token("pinghu.staff");
    refused(api.post(NEEDS + "/" + id + "/reject", Map.of("reason", "\u0000"), staff), "reason");
    Map<String, Object> accept = new HashMap<>();
    accept.put("responsibleUnitId", handlerUnit);
    accept.put("deadline", LocalDate.now().plusDays(30).toString());
    accept.put("note", "ok\u0000");
    refused(api.post(NEEDS + "/" + id + "/accept", accept, staff), "note");
    assertThat(api.get(NEEDS + "/" + id, staff).string("status")).isEqualTo("SUBMITTED");

    String admin = token("pinghu.admin");
    refused(
        api.post(TENANT + "/garrison-units", Map.of("name", "驻平\u0000某部", "branch", "ARMY"), admin),
        "name");
    refused(
        api.post(
            TENANT + "/responsible-units",
            Map.of("name", "某局", "kind", "DEPARTMENT", "contactName", "张\u0000"),
            admin),
        "contactName");
    refused(api.post(TENANT + "/need-categories", Map.of("name", "类\u0000别"), admin), "name");
  }

  @Test
  void aNulCharacterInAQueryParameterIsA400NamingIt() {
    String staff = token("pinghu.staff");
    refused(api.get(NEEDS + "?q=%00", staff), "q");
    refused(api.get(NEEDS + "?q=a%00b", staff, "en"), "q");
    refused(api.get(TENANT + "/garrison-units?q=%00", staff), "q");
    refused(api.get(TENANT + "/responsible-units?q=x%00", staff), "q");
  }

  @Test
  void aNulCharacterAtLoginIsRefusedLikeAnyBadCredentialNeverA500() {
    Answer user =
        api.post(
            "/api/v1/auth/login", Map.of("username", "pinghu.admin\u0000", "password", "x"), null);
    assertThat(user.status()).as(user.text()).isIn(400, 401);
    assertThat(user.contentType()).startsWith("application/problem+json");
    Answer password =
        api.post(
            "/api/v1/auth/login",
            Map.of("username", "pinghu.admin", "password", DemoProvince.PASSWORD + "\u0000"),
            null);
    assertThat(password.status()).as(password.text()).isIn(400, 401);
  }

  @Test
  void anImportCellWithANulCharacterReportsItsRowAndSavesNothing() throws IOException {
    String marker = "导入-" + UUID.randomUUID();
    byte[] file =
        legacyWorkbook(
            List.of("拥军优属", marker + "-好", "官兵出行", "驻平陆军某部（示例）", "", "", "", ""),
            List.of("拥军优属", marker + "\u0000坏", "官兵出行", "驻平陆军某部（示例）", "", "", "", ""));
    Answer answer = api.upload(NEEDS + "/import", "file", "list.xls", file, token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.text()).contains("rows[3].title").contains("第 3 行").contains("空字符");
    assertThat(total(api.get(NEEDS + "?q=" + marker, token("pinghu.staff")))).isZero();
  }

  // ---- pages and sorts ----

  @Test
  void aPageWhoseOffsetOverflowsOrANegativeOrHugeSizeIsA400() {
    String staff = token("pinghu.staff");
    for (String list : List.of(NEEDS, TENANT + "/garrison-units", TENANT + "/responsible-units")) {
      refused(api.get(list + "?page=2147483647&size=100", staff), "page");
      refused(api.get(list + "?page=21474837&size=100", staff), "page");
      refused(api.get(list + "?page=-1", staff), "page");
      refused(api.get(list + "?page=99999999999", staff), "page");
      refused(api.get(list + "?size=0", staff), "size");
      refused(api.get(list + "?size=2147483647", staff), "size");
      refused(api.get(list + "?size=-5", staff), "size");
    }
    Answer english = api.get(NEEDS + "?page=2147483647&size=100", staff, "en");
    assertThat(english.text()).contains("with 100 per page the last page number is 21,474,836");
    assertThat(api.get(NEEDS + "?page=21474836&size=100", staff).status()).isEqualTo(200);
  }

  @Test
  void aMalformedSortIsA400NamingTheSortableFields() {
    String staff = token("pinghu.staff");
    for (String sort :
        List.of("", ",", "title,sideways", ";drop", "%00", "password", "title,asc,desc", ",asc")) {
      Answer needs = api.get(NEEDS + "?sort=" + sort, staff);
      refused(needs, "sort");
      Answer units = api.get(TENANT + "/garrison-units?sort=" + sort, staff, "en");
      refused(units, "sort");
      if (!sort.equals("%00")) { // a NUL is refused before the sort is read
        assertThat(needs.text()).contains("可用字段：createdAt, deadline, id, status, title, year");
        assertThat(units.text()).contains("sortable fields: createdAt, id, name");
      }
    }
    assertThat(api.get(NEEDS + "?sort=title,desc", staff).status()).isEqualTo(200);
    assertThat(api.get(NEEDS + "?sort=deadline", staff).status()).isEqualTo(200);
    assertThat(api.get(TENANT + "/garrison-units?sort=name,DESC", staff).status()).isEqualTo(200);
  }

  // ---- dates ----

  @Test
  void noJsonDateOrYearWrapsAround() {
    String liaison = token("pinghu.liaison");
    String marker = "日期-" + UUID.randomUUID();
    for (String date :
        List.of(
            "+300000000-01-01",
            "+9999999-12-31",
            "9999999-12-31",
            "2101-01-01",
            "-0001-01-01",
            "2026-02-30",
            "tomorrow")) {
      Map<String, Object> body = need(marker);
      body.put("expectedBy", date);
      refused(api.post(NEEDS, body, liaison), "expectedBy");
    }
    Map<String, Object> late = need(marker);
    late.put("expectedBy", "+300000000-01-01");
    assertThat(api.post(NEEDS, late, liaison).text()).contains("2000-01-01").contains("2100-12-31");
    Map<String, Object> year = need(marker);
    year.put("year", 2147483647L);
    refused(api.post(NEEDS, year, liaison), "year");
    assertThat(total(api.get(NEEDS + "?q=" + marker, token("pinghu.staff")))).isZero();

    long id = submitted();
    Answer accept =
        api.post(
            NEEDS + "/" + id + "/accept",
            Map.of("responsibleUnitId", handlerUnit, "deadline", "+300000000-01-01"),
            token("pinghu.staff"),
            "en");
    refused(accept, "deadline");
    assertThat(accept.text()).contains("between 2000-01-01 and 2100-12-31");
    assertThat(api.get(NEEDS + "/" + id, liaison).string("deadline")).isNull();
  }

  @Test
  void aQueryYearOutsideTheWindowIsA400() {
    String staff = token("pinghu.staff");
    refused(api.get(NEEDS + "?year=2147483647", staff), "year");
    refused(api.get(NEEDS + "?year=1999", staff), "year");
    refused(api.get(NEEDS + "/indicators?year=2147483647", staff), "year");
    refused(api.get(NEEDS + "/export?year=300000000", staff), "year");
    refused(api.get(NEEDS + "/export?year=99999999999", staff), "year");
    assertThat(api.get(NEEDS + "/indicators?year=2100", staff).status()).isEqualTo(200);
  }

  /**
   * Issue 11: the audit trail's filters answer 400 (or 422 for a range the wrong way round), never
   * a 500: times outside the window or unreadable, huge pages and sizes, malformed sorts, a result
   * no event has, a NUL in the user; the export refuses the same filters.
   */
  @Test
  void theAuditFiltersAreRefusedAsProblemsNeverA500() {
    String admin = token("admin");
    for (String audit : List.of("/api/v1/audit", "/api/v1/audit/export")) {
      refused(api.get(audit + "?from=%2B999999999-01-01T00:00:00Z", admin), "from");
      refused(api.get(audit + "?to=-999999999-01-01T00:00:00Z", admin), "to");
      refused(api.get(audit + "?from=1970-01-01T00:00:00Z", admin), "from");
      refused(api.get(audit + "?to=2200-01-01T00:00:00Z", admin), "to");
      Answer unreadable = api.get(audit + "?from=yesterday", admin);
      assertThat(unreadable.status()).as(unreadable.text()).isEqualTo(400);
      refused(api.get(audit + "?user=a%00b", admin), "user");
      Answer result = api.get(audit + "?result=MAYBE", admin);
      assertThat(result.status()).as(result.text()).isEqualTo(400);
      Answer backwards =
          api.get(audit + "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", admin, "en");
      assertThat(backwards.status()).as(backwards.text()).isEqualTo(422);
      assertThat(backwards.contentType()).startsWith("application/problem+json");
      assertThat(backwards.text()).contains("\"field\":\"from\"", "The start may not be after");
    }
    String audit = "/api/v1/audit";
    refused(api.get(audit + "?page=2147483647&size=100", admin), "page");
    refused(api.get(audit + "?page=99999999999", admin), "page");
    refused(api.get(audit + "?page=-1", admin), "page");
    refused(api.get(audit + "?size=0", admin), "size");
    refused(api.get(audit + "?size=2147483647", admin), "size");
    for (String sort : List.of("", ",", "at,sideways", ";drop", "password", "at,asc,desc")) {
      refused(api.get(audit + "?sort=" + sort, admin), "sort");
    }
    assertThat(api.get(audit + "?sort=at,asc&size=5", admin).status()).isEqualTo(200);
    assertThat(api.get(audit + "?sort=id,desc&size=5", admin).status()).isEqualTo(200);
    assertThat(
            api.get(audit + "?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin).status())
        .isEqualTo(200);
  }

  @Test
  void anImportDateFarOutsideTheWindowReportsItsRow() throws IOException {
    String marker = "导入日期-" + UUID.randomUUID();
    byte[] file =
        workbook(
            List.of("拥军优属", marker, "官兵出行", "驻平陆军某部（示例）", "", "+300000000-01-01", "", ""),
            List.of("拥军优属", marker, "官兵出行", "驻平陆军某部（示例）", "", "", "", "2147483647"));
    Answer answer = api.upload(NEEDS + "/import", "file", "list.xlsx", file, token("pinghu.staff"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.text())
        .contains("rows[2].expectedBy")
        .contains("第 2 行：日期“+300000000-01-01”应为 2000-01-01 至 2100-12-31 之间的日期")
        .contains("rows[3].year");
    assertThat(total(api.get(NEEDS + "?q=" + marker, token("pinghu.staff")))).isZero();
  }

  // ---- deleting what a need refers to ----

  @Test
  void deletingAUnitThatANeedRefersToIs409NamingTheNeeds() {
    String admin = token("pinghu.admin");
    Answer garrison =
        api.post(
            TENANT + "/garrison-units",
            Map.of(
                "name",
                "驻平被引用某部-" + UUID.randomUUID().toString().substring(0, 8),
                "branch",
                "ARMY"),
            admin);
    assertThat(garrison.status()).as(garrison.text()).isEqualTo(201);
    Map<String, Object> body = need("被引用的事项");
    body.put("garrisonUnitId", Long.parseLong(garrison.string("id")));
    Answer need = api.post(NEEDS, body, token("pinghu.staff"));
    assertThat(need.status()).as(need.text()).isEqualTo(201);

    String garrisonPath = TENANT + "/garrison-units/" + garrison.string("id");
    Answer chinese = api.delete(garrisonPath, admin);
    assertThat(chinese.status()).as(chinese.text()).isEqualTo(409);
    assertThat(chinese.contentType()).startsWith("application/problem+json");
    assertThat(chinese.string("detail")).contains("双清单事项");
    assertThat(api.delete(garrisonPath, admin, "en").string("detail")).contains("needs");
    assertThat(api.get(garrisonPath, admin).status()).isEqualTo(200);

    Answer responsible =
        api.post(
            TENANT + "/responsible-units",
            Map.of(
                "name",
                "被引用某局-" + UUID.randomUUID().toString().substring(0, 8),
                "kind",
                "DEPARTMENT"),
            admin);
    assertThat(responsible.status()).as(responsible.text()).isEqualTo(201);
    Answer accepted =
        api.post(
            NEEDS + "/" + need.string("id") + "/accept",
            Map.of(
                "responsibleUnitId",
                Long.parseLong(responsible.string("id")),
                "deadline",
                LocalDate.now().plusDays(10).toString()),
            token("pinghu.staff"));
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    String responsiblePath = TENANT + "/responsible-units/" + responsible.string("id");
    assertThat(api.delete(responsiblePath, admin).string("detail")).contains("双清单事项");
    Answer english = api.delete(responsiblePath, admin, "en");
    assertThat(english.status()).isEqualTo(409);
    assertThat(english.string("detail")).contains("needs");
  }

  // ---- uploads ----

  @Test
  void anUploadsTypeIsDecidedByItsBytesAndItsContainer() throws IOException {
    long id = submitted();
    String liaison = token("pinghu.liaison");
    String attachments = NEEDS + "/" + id + "/attachments";

    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      zip.putNextEntry(new ZipEntry("payload.exe"));
      zip.write(new byte[] {'M', 'Z', 0, 0});
      zip.closeEntry();
    }
    Answer archive = api.upload(attachments, "file", "合同.docx", zipped.toByteArray(), liaison);
    assertThat(archive.status()).as(archive.text()).isEqualTo(422);
    assertThat(archive.text()).contains("application/zip");

    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("需求说明");
      document.write(out);
      docx = out.toByteArray();
    }
    Answer word = api.upload(attachments, "file", "说明.docx", docx, liaison);
    assertThat(word.status()).as(word.text()).isEqualTo(201);
    assertThat(word.string("contentType")).contains("wordprocessingml");
    assertThat(word.string("fileName")).isEqualTo("说明.docx");

    Answer misnamed = api.upload(attachments, "file", "发票.pdf", docx, liaison);
    assertThat(misnamed.status()).as(misnamed.text()).isEqualTo(201);
    assertThat(misnamed.string("fileName")).isEqualTo("发票.docx");

    Answer png = api.upload(attachments, "file", "invoice\u202Efdp.exe", Png.BYTES, liaison);
    assertThat(png.status()).as(png.text()).isEqualTo(201);
    assertThat(png.string("contentType")).isEqualTo("image/png");
    assertThat(png.string("fileName")).isEqualTo("invoicefdp.png");

    Answer isolates =
        api.upload(attachments, "file", "\u2066照片\u2069\u200F.\u200Epng", Png.BYTES, liaison);
    assertThat(isolates.status()).as(isolates.text()).isEqualTo(201);
    assertThat(isolates.string("fileName")).isEqualTo("照片.png");
  }

  // ---- what a liaison or handler reads ----

  @Test
  void liaisonsAndHandlersDoNotReadTheTenantWideIndicators() {
    assertThat(api.get(NEEDS + "/indicators", token("pinghu.liaison")).status()).isEqualTo(403);
    Answer handler = api.get(NEEDS + "/indicators", token("pinghu.handler"), "en");
    assertThat(handler.status()).isEqualTo(403);
    assertThat(handler.contentType()).startsWith("application/problem+json");
    assertThat(api.get(NEEDS + "/indicators", token("pinghu.staff")).status()).isEqualTo(200);
    assertThat(api.get(NEEDS + "/indicators", token("jx.supervisor")).status()).isEqualTo(200);
  }

  @Test
  void aUnitsContactIsReadByTheOfficeAndSupervisorsAndByItsOwnLiaisonOrHandlerOnly() {
    String admin = token("pinghu.admin");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long own = responsibleUnit(admin, "联系某局-" + suffix);
    long other = responsibleUnit(admin, "联系另一局-" + suffix);
    new PlatformFixtures(context)
        .user("hostile.handler." + suffix, Role.UNIT_HANDLER, "pinghu", null, null, own);
    String handler = api.login("hostile.handler." + suffix, PlatformFixtures.PASSWORD);

    for (String user : List.of("pinghu.admin", "pinghu.staff", "jx.supervisor")) {
      assertThat(
              api.get(TENANT + "/responsible-units/" + other, token(user)).string("contactPhone"))
          .isEqualTo("****8500");
      assertThat(api.get(TENANT + "/garrison-units?size=200", token(user)).items())
          .filteredOn(unit -> Boolean.TRUE.equals(unit.get("sample")))
          .isNotEmpty()
          .allSatisfy(unit -> assertThat(unit.get("contactPhone")).isNotNull());
    }

    String liaison = token("pinghu.liaison");
    List<Map<String, Object>> garrisons =
        api.get(TENANT + "/garrison-units?size=200", liaison).items();
    assertThat(garrisons).hasSizeGreaterThan(1);
    for (Map<String, Object> unit : garrisons) {
      boolean mine = ((Number) unit.get("id")).longValue() == liaisonUnit;
      assertThat(unit.get("contactPhone") != null).as(unit.toString()).isEqualTo(mine);
      assertThat(unit.get("contactName") != null).as(unit.toString()).isEqualTo(mine);
    }
    long otherGarrison =
        garrisons.stream()
            .mapToLong(unit -> ((Number) unit.get("id")).longValue())
            .filter(unitId -> unitId != liaisonUnit)
            .findFirst()
            .orElseThrow();
    assertThat(api.get(TENANT + "/garrison-units/" + otherGarrison, liaison).string("contactPhone"))
        .isNull();
    assertThat(api.get(TENANT + "/garrison-units/" + liaisonUnit, liaison).string("contactPhone"))
        .isNotNull();
    assertThat(api.get(TENANT + "/responsible-units/" + own, liaison).string("contactPhone"))
        .isNull();

    assertThat(api.get(TENANT + "/responsible-units/" + own, handler).string("contactPhone"))
        .isEqualTo("****8500");
    assertThat(api.get(TENANT + "/responsible-units/" + other, handler).map())
        .containsKey("name")
        .doesNotContainKeys("contactPhone", "contactName");
    assertThat(api.get(TENANT + "/responsible-units?size=200", handler).items())
        .allSatisfy(
            unit ->
                assertThat(unit.get("contactPhone") != null)
                    .as(unit.toString())
                    .isEqualTo(((Number) unit.get("id")).longValue() == own));
    assertThat(api.get(TENANT + "/garrison-units?size=200", handler).items())
        .allSatisfy(unit -> assertThat(unit.get("contactPhone")).isNull());
  }

  long responsibleUnit(String admin, String name) {
    Answer created =
        api.post(
            TENANT + "/responsible-units",
            Map.of(
                "name",
                name,
                "kind",
                "DEPARTMENT",
                "contactName",
                "联系人",
                "contactPhone",
                "0573-8500"),
            admin);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return Long.parseLong(created.string("id"));
  }

  // ---- logging ----

  @Test
  void aClientErrorIsLoggedInOneInfoLineNotAsAnErrorWithAStackTrace() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      String staff = token("pinghu.staff");
      assertThat(api.get(NEEDS + "?sort=,", staff).status()).isEqualTo(400);
      assertThat(api.get(NEEDS + "?q=%00", staff).status()).isEqualTo(400);
      assertThat(api.get(NEEDS + "?page=2147483647&size=100", staff).status()).isEqualTo(400);
      assertThat(api.post(NEEDS, need("\u0000"), token("pinghu.liaison")).status()).isEqualTo(400);
      assertThat(api.get(NEEDS + "/999999999", staff).status()).isEqualTo(404);
      assertThat(api.get("/api/v1/no-such-thing", staff).status()).isIn(403, 404);
      assertThat(api.get(NEEDS + "/indicators", token("pinghu.handler")).status()).isEqualTo(403);
    } finally {
      root.detachAppender(captured);
    }
    List<ILoggingEvent> events = List.copyOf(captured.list);
    assertThat(events)
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .noneMatch(
            e -> e.getThrowableProxy() != null && e.getFormattedMessage().contains("/needs"));
    assertThat(events)
        .filteredOn(e -> e.getLoggerName().endsWith("ProblemResponses"))
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains(
            "GET /api/v1/tenants/pinghu/needs answered 400 [sort: validation.sort]",
            "GET /api/v1/tenants/pinghu/needs answered 400 [q: validation.nul]",
            "POST /api/v1/tenants/pinghu/needs answered 400 [title: validation.nul]",
            "GET /api/v1/tenants/pinghu/needs/999999999 answered 404 problem.not-found",
            "GET /api/v1/tenants/pinghu/needs/indicators answered 403 problem.forbidden")
        .allMatch(line -> !line.contains("\n"));
  }

  // ---- helpers ----

  @SafeVarargs
  static byte[] workbook(List<String>... rows) throws IOException {
    return workbook(new XSSFWorkbook(), rows);
  }

  /**
   * The binary format (.xls) keeps a NUL in a cell as it is; .xlsx cannot hold one (XML 1.0), and
   * POI writes and reads it escaped.
   */
  @SafeVarargs
  static byte[] legacyWorkbook(List<String>... rows) throws IOException {
    return workbook(new HSSFWorkbook(), rows);
  }

  @SafeVarargs
  static byte[] workbook(Workbook empty, List<String>... rows) throws IOException {
    try (Workbook workbook = empty;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("双清单导入");
      var head = sheet.createRow(0);
      List<String> columns = List.of("方向", "事项名称", "类别", "驻军单位", "事项内容", "期望完成日期", "征集方式", "年度");
      for (int i = 0; i < columns.size(); i++) {
        head.createCell(i).setCellValue(columns.get(i));
      }
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r + 1);
        for (int i = 0; i < rows[r].size(); i++) {
          row.createCell(i).setCellValue(rows[r].get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** A real 1×1 PNG, made with the JDK's image writer. */
  static final class Png {
    static final byte[] BYTES = make();

    private static byte[] make() {
      try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        javax.imageio.ImageIO.write(
            new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png",
            out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
