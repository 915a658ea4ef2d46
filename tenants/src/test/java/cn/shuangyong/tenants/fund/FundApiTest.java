package cn.shuangyong.tenants.fund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.fund.api.FundRules;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 帮扶基金 over the API, in tenants of their own made for the run: a grant from application to
 * payment with its timeline and audit, the household's cap of the year (and the special one), the
 * urgent case paid first and its paperwork, refusals, the inbox, the masked ID numbers and phones
 * and their audited unmasking, the balance that is never overdrawn, and every status the contract
 * names: 401, 403, 404, 409 and 422 (in the caller's language, nothing half-saved).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundApiTest implements TestPropertyProvider {
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject ApplicationContext context;
  Api api;
  PlatformFixtures fixtures;
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
    fixtures = new PlatformFixtures(context);
    fixtures.region("fundprov", AdministrativeLevel.PROVINCE, null);
    tenant = newTenant("fund_");
    base = "/api/v1/tenants/" + tenant;
    tokens.putAll(office(tenant));
    Answer unit =
        api.post(base + "/garrison-units", Map.of("name", "驻平某部", "branch", "ARMY"), admin());
    fixtures.user(
        tenant + ".liaison",
        Role.GARRISON_LIAISON,
        tenant,
        null,
        Long.parseLong(unit.string("id")),
        null);
    tokens.put(Role.GARRISON_LIAISON, api.login(tenant + ".liaison", PlatformFixtures.PASSWORD));
    fixtures.user("fund.sup", Role.SUPERVISOR, null, "fundprov", null, null);
    tokens.put(Role.SUPERVISOR, api.login("fund.sup", PlatformFixtures.PASSWORD));
    assertThat(inflow(base, "FISCAL", "200000.00", null).status()).isEqualTo(201);
  }

  String newTenant(String prefix) {
    String code = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    fixtures.tenant(code, "fundprov");
    return code;
  }

  Map<Role, String> office(String code) {
    Map<Role, String> office = new HashMap<>();
    for (Role role : List.of(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      String name = code + "." + role.name().toLowerCase(Locale.ROOT);
      fixtures.user(name, role, code, null, null, null);
      office.put(role, api.login(name, PlatformFixtures.PASSWORD));
    }
    return office;
  }

  String admin() {
    return tokens.get(Role.CITY_ADMIN);
  }

  String staff() {
    return tokens.get(Role.CITY_STAFF);
  }

  static LocalDate today() {
    return LocalDate.now(ChinaTime.ZONE);
  }

  /** A valid resident ID number, new for each call unless a household is given. */
  static String idNumber() {
    String first = "330482" + "1975" + "0612" + String.format("%03d", SEQUENCE.incrementAndGet());
    return first + FundRules.checkCharacter(first);
  }

  static Map<String, Object> application(String idNumber, String requested) {
    Map<String, Object> body = new HashMap<>();
    body.put("applicantName", "王建国");
    body.put("applicantType", "VETERAN");
    body.put("idNumber", idNumber);
    body.put("phone", "13957312345");
    body.put("householdSize", 4);
    body.put("income12Months", "24000.00");
    body.put("reason", "妻子重病住院，家庭收入锐减");
    body.put("requestedAmount", requested);
    return body;
  }

  Answer inflow(String path, String source, String amount, String donor) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", today().toString());
    body.put("amount", amount);
    body.put("source", source);
    if (donor != null) {
      body.put("donor", donor);
    }
    return api.post(path + "/fund/inflows", body, admin());
  }

  Answer submit(Map<String, Object> body) {
    return api.post(base + "/grants", body, staff());
  }

  String submitted(Map<String, Object> body) {
    Answer answer = submit(body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.string("id");
  }

  Answer review(String id, boolean approve, String note) {
    return api.post(
        base + "/grants/" + id + "/review", Map.of("approve", approve, "note", note), staff());
  }

  Answer approve(String id, String amount) {
    return api.post(base + "/grants/" + id + "/approve", Map.of("amount", amount), admin());
  }

  Answer pay(String id, String reference) {
    return api.post(
        base + "/grants/" + id + "/pay",
        Map.of("paidOn", today().toString(), "reference", reference),
        admin());
  }

  BigDecimal fund(String field) {
    return new BigDecimal(api.get(base + "/fund", admin()).string(field));
  }

  @Test
  void aGrantGoesFromApplicationToPaymentAndItsFileShowsEveryStep() throws SQLException {
    BigDecimal balance = fund("balance");
    String id = idNumber();
    Answer created = submit(application(id, "3000"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.string("status")).isEqualTo("SUBMITTED");
    assertThat(created.raw().headers().firstValue("Location"))
        .hasValue(base + "/grants/" + created.string("id"));
    assertThat(created.text())
        .doesNotContain(id)
        .doesNotContain("13957312345")
        .contains(id.substring(0, 6) + "********" + id.substring(14))
        .contains("139****2345");
    String grant = created.string("id");
    assertThat(review(grant, true, "经村（社区）走访核实，情况属实").string("status")).isEqualTo("REVIEWED");
    Answer approved = approve(grant, "3000");
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    assertThat(approved.string("status")).isEqualTo("APPROVED");
    assertThat(approved.text()).contains("\"approvedAmount\":3000.00");
    Answer paid = pay(grant, "农商银行转账 2026-001");
    assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    assertThat(paid.string("status")).isEqualTo("PAID");
    assertThat(paid.string("paidFirst")).isEqualTo("false");
    assertThat(fund("balance")).isEqualByComparingTo(balance.subtract(new BigDecimal("3000")));
    assertThat(fund("inflows").subtract(fund("paid"))).isEqualByComparingTo(fund("balance"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history =
        (List<Map<String, Object>>)
            api.get(base + "/grants/" + grant, admin()).map().get("history");
    assertThat(history)
        .extracting(step -> step.get("action"))
        .containsExactly("SUBMIT", "REVIEW", "APPROVE", "PAY");
    assertThat(history.get(1).get("note")).isEqualTo("经村（社区）走访核实，情况属实");
    assertThat(history.get(2).get("actor")).isEqualTo(tenant + ".city_admin");
    assertThat(new BigDecimal(history.get(3).get("amount").toString()))
        .isEqualByComparingTo("3000");
    String audit =
        single(
            "select detail from t_"
                + tenant
                + ".audit_outbox where action = 'GRANT_APPROVE'"
                + " and target = ? order by id desc limit 1",
            "grant:" + grant);
    assertThat(audit).contains("\"before\"").contains("REVIEWED").contains("APPROVED");
    assertThat(audit).doesNotContain(id).doesNotContain("13957312345");
    assertThat(pay(grant, "again").status()).as("paid once").isEqualTo(409);
  }

  @Test
  void theHouseholdsApprovedAndPaidGrantsOfTheYearStayWithinItsCap() {
    String household = idNumber();
    String first = submitted(application(household, "3000"));
    review(first, true, "属实");
    assertThat(approve(first, "3000").status()).isEqualTo(200);
    String second = submitted(application(household, "3000"));
    review(second, true, "属实");
    Answer over = approve(second, "2500");
    assertThat(over.status()).as(over.text()).isEqualTo(422);
    assertThat(over.text()).contains("3000.00").contains("5000.00").contains("2000.00");
    assertThat(api.get(base + "/grants/" + second, admin()).string("status"))
        .as("nothing half-saved")
        .isEqualTo("REVIEWED");
    Answer below = approve(second, "1999.99");
    assertThat(below.status()).isEqualTo(422);
    assertThat(below.text()).contains("2000.00");
    assertThat(approve(second, "2000").status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> file =
        (List<Map<String, Object>>)
            api.get(base + "/grants/" + second, staff()).map().get("householdGrants");
    assertThat(file).extracting(g -> g.get("id").toString()).containsExactly(first);
    Answer byId = api.get(base + "/grants?q=" + household, staff());
    assertThat(byId.items()).extracting(g -> g.get("id").toString()).contains(first, second);
    assertThat(byId.items()).hasSize(2);
    Answer over6000 = approve(submittedAndReviewed(application(idNumber(), "6000")), "6000");
    assertThat(over6000.status()).isEqualTo(422);
    assertThat(api.post(base + "/grants/" + second + "/approve", Map.of(), admin()).status())
        .isEqualTo(422);
  }

  String submittedAndReviewed(Map<String, Object> body) {
    String id = submitted(body);
    assertThat(review(id, true, "属实").status()).isEqualTo(200);
    return id;
  }

  @Test
  void specialHardshipNeedsItsReasonAndRaisesTheCap() {
    Map<String, Object> special = application(idNumber(), "9000");
    special.put("special", true);
    Answer refused = submit(special);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text()).contains("specialReason").contains("特殊困难");
    special.put("specialReason", "烈士遗属，独居，重大疾病");
    String id = submittedAndReviewed(special);
    assertThat(approve(id, "10000.01").status()).isEqualTo(422);
    assertThat(approve(id, "9000").status()).isEqualTo(200);
  }

  @Test
  void anUrgentCaseIsPaidFirstAndShowsSoUntilItsPaperworkIsComplete() {
    Map<String, Object> urgent = application(idNumber(), "4000");
    urgent.put("urgent", true);
    assertThat(submit(urgent).status()).as("urgent needs its reason").isEqualTo(422);
    urgent.put("urgentReason", "房屋火灾，急需安置");
    String id = submitted(urgent);
    assertThat(
            api.get(base + "/grants/inbox?size=200", admin()).items().stream()
                .map(g -> g.get("id").toString()))
        .as("the admin's inbox holds it")
        .contains(id);
    Answer staffPays =
        api.post(
            base + "/grants/" + id + "/pay",
            Map.of("paidOn", today().toString(), "reference", "x"),
            staff());
    assertThat(staffPays.status()).isEqualTo(403);
    Answer paid = pay(id, "现金支付 急-01");
    assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    assertThat(paid.string("status")).isEqualTo("PAID");
    assertThat(paid.string("paidFirst")).isEqualTo("true");
    assertThat(paid.string("paperworkPending")).isEqualTo("true");
    assertThat(paid.text()).contains("\"paidAmount\":4000.00");
    assertThat(api.get(base + "/grants?paidFirst=true&size=200", admin()).items())
        .extracting(g -> g.get("id").toString())
        .contains(id);
    assertThat(
            api.get(base + "/grants/inbox?size=200", staff()).items().stream()
                .map(g -> g.get("id").toString()))
        .as("the staff completes the paperwork")
        .contains(id);
    Answer done =
        api.post(base + "/grants/" + id + "/paperwork", Map.of("note", "已补交诊断证明、收入证明"), staff());
    assertThat(done.status()).as(done.text()).isEqualTo(200);
    assertThat(done.string("paperworkPending")).isEqualTo("false");
    assertThat(done.string("paidFirst")).isEqualTo("true");
    assertThat(
            api.post(base + "/grants/" + id + "/paperwork", Map.of("note", "again"), staff())
                .status())
        .isEqualTo(409);
    String normal = submitted(application(idNumber(), "3000"));
    Answer notApproved = pay(normal, "x");
    assertThat(notApproved.status()).as("paying a grant not approved").isEqualTo(409);
    assertThat(notApproved.text()).contains("SUBMITTED");
    assertThat(api.get(base + "/grants/inbox?size=200", staff()).items())
        .extracting(g -> g.get("id").toString())
        .contains(normal);
  }

  @Test
  void aSentBackOrRefusedGrantStopsThereWithItsReason() {
    String sentBack = submitted(application(idNumber(), "3000"));
    Answer back = review(sentBack, false, "收入超过低收入标准");
    assertThat(back.string("status")).isEqualTo("REJECTED");
    assertThat(back.string("rejectReason")).isEqualTo("收入超过低收入标准");
    assertThat(approve(sentBack, "3000").status()).isEqualTo(409);
    String refused = submittedAndReviewed(application(idNumber(), "3000"));
    assertThat(api.post(base + "/grants/" + refused + "/reject", Map.of(), admin()).status())
        .as("a refusal states its reason")
        .isEqualTo(400);
    Answer rejected =
        api.post(base + "/grants/" + refused + "/reject", Map.of("reason", "已享受同类救助"), admin());
    assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
    assertThat(rejected.string("status")).isEqualTo("REJECTED");
    assertThat(review(refused, true, "again").status()).isEqualTo(409);
    assertThat(
            api.upload(base + "/grants/" + refused + "/attachments", "file", "a.pdf", PDF, staff())
                .status())
        .isEqualTo(409);
  }

  @Test
  void eachRoleDoesOnlyItsStepAndOtherTenantsAndStrangersAreRefused() {
    String id = submitted(application(idNumber(), "3000"));
    String liaison = tokens.get(Role.GARRISON_LIAISON);
    String supervisor = tokens.get(Role.SUPERVISOR);
    assertThat(api.post(base + "/grants", application(idNumber(), "3000"), admin()).status())
        .as("the contract: CITY_STAFF records applications")
        .isEqualTo(403);
    assertThat(api.post(base + "/grants", application(idNumber(), "3000"), liaison).status())
        .isEqualTo(403);
    assertThat(api.post(base + "/grants", application(idNumber(), "3000"), supervisor).status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    base + "/grants/" + id + "/review",
                    Map.of("approve", true, "note", "x"),
                    admin())
                .status())
        .isEqualTo(403);
    review(id, true, "属实");
    assertThat(
            api.post(base + "/grants/" + id + "/approve", Map.of("amount", "3000"), staff())
                .status())
        .isEqualTo(403);
    assertThat(api.get(base + "/grants", liaison).status()).isEqualTo(403);
    assertThat(api.get(base + "/fund", liaison).status()).isEqualTo(403);
    assertThat(api.get(base + "/fund", supervisor).status()).isEqualTo(200);
    assertThat(api.get(base + "/grants/" + id, supervisor).status()).isEqualTo(200);
    assertThat(api.get(base + "/grants", null).status()).isEqualTo(401);
    assertThat(api.get(base + "/fund", null).status()).isEqualTo(401);
    assertThat(api.get(base + "/grants/999999999", admin()).status()).isEqualTo(404);
    assertThat(approve("999999999", "3000").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/pinghu/grants/" + id, admin()).status()).isIn(403, 404);
    assertThat(api.put(base + "/fund/caps", caps("1000", "4000", "8000"), staff()).status())
        .isEqualTo(403);
    assertThat(api.post(base + "/fund/inflows", Map.of(), liaison).status()).isIn(400, 403);
  }

  static Map<String, Object> caps(String min, String max, String special) {
    return Map.of("minAmount", min, "maxAmount", max, "specialMaxAmount", special);
  }

  @Test
  void idNumbersAndPhonesAreMaskedEverywhereAndUnmaskedOnlyByTheOfficeAudited() throws Exception {
    String id = idNumber();
    String grant = submitted(application(id, "3000"));
    assertThat(api.get(base + "/grants?size=200", admin()).text()).doesNotContain(id);
    assertThat(api.get(base + "/grants/" + grant, tokens.get(Role.SUPERVISOR)).text())
        .doesNotContain(id);
    var workbook = api.download(base + "/grants/export", admin());
    assertThat(workbook.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()));
        XSSFExcelExtractor text = new XSSFExcelExtractor(book)) {
      assertThat(text.getText())
          .contains("帮扶基金申请台账")
          .contains(id.substring(0, 6) + "********")
          .doesNotContain(id)
          .doesNotContain("13957312345");
    }
    Answer plain = api.get(base + "/grants/" + grant + "/personal-data", staff());
    assertThat(plain.status()).as(plain.text()).isEqualTo(200);
    assertThat(plain.string("idNumber")).isEqualTo(id);
    assertThat(plain.string("phone")).isEqualTo("13957312345");
    assertThat(
            single(
                "select count(*)::text from platform.audit_event where action ="
                    + " 'PERSONAL_DATA_UNMASKED' and target = ? and tenant_code = ?",
                "grant:" + grant,
                tenant))
        .isEqualTo("1");
    assertThat(
            api.get(base + "/grants/" + grant + "/personal-data", tokens.get(Role.SUPERVISOR))
                .status())
        .isEqualTo(403);
    assertThat(
            api.get(base + "/grants/" + grant + "/personal-data", tokens.get(Role.GARRISON_LIAISON))
                .status())
        .isEqualTo(403);
    assertThat(api.get(base + "/grants/999999999/personal-data", staff()).status()).isEqualTo(404);
    assertThat(
            single(
                "select id_number from t_" + tenant + ".assistance_grant where id = ?",
                Long.parseLong(grant)))
        .as("stored encrypted")
        .startsWith("v1:")
        .doesNotContain(id);
    Answer kept =
        api.upload(base + "/grants/" + grant + "/attachments", "file", "收入证明.pdf", PDF, staff());
    assertThat(kept.status()).as(kept.text()).isEqualTo(201);
    String paper = base + "/grants/" + grant + "/attachments/" + kept.string("id");
    assertThat(api.download(paper, staff()).statusCode()).isEqualTo(200);
    assertThat(api.download(paper, tokens.get(Role.SUPERVISOR)).statusCode()).isEqualTo(403);
  }

  @Test
  void badInputIsAClearProblemInTheCallersLanguageAndNothingIsSaved() throws SQLException {
    long before = grantCount();
    Map<String, Map<String, Object>> refusals = new java.util.LinkedHashMap<>();
    refusals.put("checksum", with("idNumber", "110105194912310021"));
    refusals.put("short id", with("idNumber", "33048219750612"));
    refusals.put("birth date", with("idNumber", "330482197513321234"));
    refusals.put("phone", with("phone", "12345"));
    refusals.put("household 0", with("householdSize", 0));
    refusals.put("household 500", with("householdSize", 500));
    refusals.put("negative", with("requestedAmount", "-1"));
    refusals.put("zero", with("requestedAmount", "0"));
    refusals.put("three decimals", with("requestedAmount", "3000.001"));
    refusals.put("absurd", with("requestedAmount", "1e999999999"));
    refusals.put("a billion", with("requestedAmount", "1000000000"));
    refusals.put("negative income", with("income12Months", "-5"));
    for (Map.Entry<String, Map<String, Object>> refusal : refusals.entrySet()) {
      Answer answer = submit(refusal.getValue());
      assertThat(answer.status()).as(refusal.getKey() + ": " + answer.text()).isEqualTo(422);
      assertThat(answer.contentType()).contains("problem+json");
    }
    Answer zh = submit(with("idNumber", "110105194912310021"));
    assertThat(zh.text()).contains("idNumber").contains("校验位");
    Answer en = api.post(base + "/grants", with("idNumber", "110105194912310021"), staff(), "en");
    assertThat(en.text()).contains("check character");
    Answer decimals = api.post(base + "/grants", with("requestedAmount", "1.234"), staff(), "en");
    assertThat(decimals.text()).contains("two decimals");
    assertThat(api.postRaw(base + "/grants", "{\"applicantName\": ", staff()).status())
        .isEqualTo(400);
    assertThat(grantCount()).as("nothing saved").isEqualTo(before);
    assertThat(inflow(base, "DONATION", "500", null).status()).as("a donor").isEqualTo(422);
    assertThat(inflow(base, "FISCAL", "0", null).status()).isEqualTo(422);
    assertThat(inflow(base, "FISCAL", "12.345", null).status()).isEqualTo(422);
    Answer caps = api.put(base + "/fund/caps", caps("6000", "5000", "10000"), admin());
    assertThat(caps.status()).isEqualTo(422);
    assertThat(api.get(base + "/fund/caps", admin()).text())
        .contains("\"minAmount\":2000.00")
        .contains("\"maxAmount\":5000.00")
        .contains("\"specialMaxAmount\":10000.00");
    String grant = submittedAndReviewed(application(idNumber(), "3000"));
    assertThat(approve(grant, "-3").status()).isEqualTo(422);
    assertThat(approve(grant, "3000.999").status()).isEqualTo(422);
    assertThat(
            api.post(
                    base + "/grants/" + grant + "/pay",
                    Map.of("paidOn", today().plusDays(3).toString(), "reference", "x"),
                    admin())
                .status())
        .isEqualTo(422);
  }

  Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = application(idNumber(), "3000");
    body.put(field, value);
    return body;
  }

  @Test
  void theFundIsNeverOverdrawnAndTheCapsAreTheTenantsOwn() {
    String poor = newTenant("fundpoor_");
    String path = "/api/v1/tenants/" + poor;
    Map<Role, String> office = office(poor);
    Answer donation =
        api.post(
            path + "/fund/inflows",
            Map.of(
                "date",
                today().toString(),
                "amount",
                "2500.00",
                "source",
                "DONATION",
                "donor",
                "平湖市慈善总会"),
            office.get(Role.CITY_ADMIN));
    assertThat(donation.status()).as(donation.text()).isEqualTo(201);
    Answer grant =
        api.post(path + "/grants", application(idNumber(), "3000"), office.get(Role.CITY_STAFF));
    String id = grant.string("id");
    api.post(
        path + "/grants/" + id + "/review",
        Map.of("approve", true, "note", "属实"),
        office.get(Role.CITY_STAFF));
    api.post(
        path + "/grants/" + id + "/approve", Map.of("amount", "3000"), office.get(Role.CITY_ADMIN));
    Answer overdrawn =
        api.post(
            path + "/grants/" + id + "/pay",
            Map.of("paidOn", today().toString(), "reference", "x"),
            office.get(Role.CITY_ADMIN));
    assertThat(overdrawn.status()).as(overdrawn.text()).isEqualTo(422);
    assertThat(overdrawn.text()).contains("2500.00").contains("3000.00");
    Answer fund = api.get(path + "/fund", office.get(Role.CITY_ADMIN));
    assertThat(fund.text())
        .contains("\"inflows\":2500.00")
        .contains("\"paid\":0.00")
        .contains("\"balance\":2500.00")
        .contains("\"donated\":2500.00");
    Answer set =
        api.put(path + "/fund/caps", caps("1000", "2000", "3000"), office.get(Role.CITY_ADMIN));
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    assertThat(api.get(base + "/fund/caps", admin()).text())
        .as("another tenant's caps stay")
        .contains("\"maxAmount\":5000.00");
  }

  long grantCount() throws SQLException {
    return Long.parseLong(single("select count(*)::text from t_" + tenant + ".assistance_grant"));
  }

  static String single(String sql, Object... values) throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        select.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
