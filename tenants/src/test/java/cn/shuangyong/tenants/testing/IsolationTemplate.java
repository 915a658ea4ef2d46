package cn.shuangyong.tenants.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.ResponsibleUnitForm;
import cn.shuangyong.tenants.units.api.ResponsibleUnitKind;
import cn.shuangyong.tenants.units.api.UnitService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The isolation template every tenant feature passes (README, "How to add a feature"). It declares
 * two tenants A and B of one province, a user of every role in each (a handler and two liaisons
 * bound to units of their tenant), the province's supervisor and one of another province. The
 * feature writes a record in A, marked with a word found nowhere else; then every read the feature
 * offers (detail, list, search, export, attachment download, notifications…) is tried by every
 * caller: A's callers see the record exactly where the feature says they may, B's callers and the
 * outside supervisor never (another tenant's path is 404), and raw per-schema counts show the write
 * landed in A's schema only.
 *
 * <p>A subclass is annotated {@code @MicronautTest(transactional = false)} and says what to write
 * ({@link #write}), where it lands ({@link #table}) and how it is read ({@link #reads}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IsolationTemplate implements TestPropertyProvider {
  /** Who calls: the roles of a tenant, the province's supervisor, one from elsewhere. */
  public enum Caller {
    ADMIN,
    STAFF,
    HANDLER,
    LIAISON,
    OTHER_LIAISON,
    SUPERVISOR,
    OUTSIDE_SUPERVISOR
  }

  /**
   * What the feature wrote in A: its id, the marker word, further ids for paths ({@code {key}}).
   */
  public record Written(long id, String marker, Map<String, Long> more) {}

  /**
   * One way to read the feature. {@code path} is below {@code /api/v1/tenants/{tenant}} with {@code
   * {id}}, {@code {marker}}, {@code {year}} and {@link Written#more()} keys as placeholders; {@code
   * seenBy} are A's callers that must find the marker in the answer (all others must not).
   */
  public record Read(String name, String path, Set<Caller> seenBy) {}

  /** The declared world: tenant codes, unit ids and a token per caller of each tenant. */
  public record World(
      String tenantA,
      String tenantB,
      Map<String, Long> units,
      Map<Caller, String> tokensOfA,
      Map<Caller, String> tokensOfB) {
    public String token(Caller caller) {
      return tokensOfA.get(caller);
    }
  }

  @Inject protected EmbeddedServer server;
  @Inject protected JsonMapper json;
  @Inject protected ApplicationContext context;
  protected Api api;
  protected World world;

  /** A short prefix of this feature's tenants (letters), e.g. {@code "isoneeds"}. */
  protected abstract String prefix();

  /** The table of A's schema whose raw count grows by the write. */
  protected abstract String table();

  /** Writes one record in tenant A as the feature's writer, with {@code marker} in its text. */
  protected abstract Written write(World world, String marker);

  protected abstract List<Read> reads();

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void declareTheWorld() {
    api = new Api(server, json);
    PlatformFixtures fixtures = new PlatformFixtures(context);
    String province = prefix() + "prov";
    fixtures.region(province, AdministrativeLevel.PROVINCE, null);
    fixtures.region(prefix() + "away", AdministrativeLevel.PROVINCE, null);
    String a = prefix() + "_a";
    String b = prefix() + "_b";
    fixtures.tenant(a, province);
    fixtures.tenant(b, province);
    Map<String, Long> units = new java.util.HashMap<>();
    Map<Caller, String> tokensOfA = tokens(fixtures, a, province, units);
    Map<Caller, String> tokensOfB = tokens(fixtures, b, province, units);
    fixtures.user(prefix() + ".away", Role.SUPERVISOR, null, prefix() + "away", null, null);
    String away = api.login(prefix() + ".away", PlatformFixtures.PASSWORD);
    tokensOfA.put(Caller.OUTSIDE_SUPERVISOR, away);
    tokensOfB.put(Caller.OUTSIDE_SUPERVISOR, away);
    world = new World(a, b, units, tokensOfA, tokensOfB);
  }

  @Test
  void aRecordWrittenInOneTenantIsSeenOnlyWhereTheFeatureSaysAndNeverFromAnother()
      throws Exception {
    long countA = rawCount(world.tenantA());
    long countB = rawCount(world.tenantB());
    long auditA = rawCount(world.tenantA(), "audit_outbox");
    long auditB = rawCount(world.tenantB(), "audit_outbox");
    long trailB = trailCount(world.tenantB());
    String marker = "隔离" + UUID.randomUUID().toString().substring(0, 8);
    Written written = write(world, marker);
    assertThat(rawCount(world.tenantA())).as("the write lands in A's schema").isGreaterThan(countA);
    assertThat(rawCount(world.tenantB())).as("and nowhere else").isEqualTo(countB);
    assertThat(rawCount(world.tenantA(), "audit_outbox"))
        .as("its audit entry is kept in A's schema")
        .isGreaterThan(auditA);
    assertThat(rawCount(world.tenantB(), "audit_outbox")).as("and not in B's").isEqualTo(auditB);
    assertThat(trailCount(world.tenantB())).as("nor in B's platform trail").isEqualTo(trailB);
    for (Read read : reads()) {
      for (Caller caller : Caller.values()) {
        boolean mayFind = read.seenBy().contains(caller);
        assertThat(finds(read, world.tenantA(), written, world.tokensOfA().get(caller)))
            .as("%s as A's %s finds A's record", read.name(), caller)
            .isEqualTo(mayFind);
        assertThat(finds(read, world.tenantB(), written, world.tokensOfB().get(caller)))
            .as("%s as B's %s (B's path) finds A's record", read.name(), caller)
            .isFalse();
        if (caller != Caller.SUPERVISOR) {
          int status = statusOf(read, world.tenantA(), written, world.tokensOfB().get(caller));
          assertThat(status).as("%s as B's %s on A's path", read.name(), caller).isIn(404, 403);
        }
      }
    }
  }

  private Map<Caller, String> tokens(
      PlatformFixtures fixtures, String tenant, String province, Map<String, Long> units) {
    TenantContext admin = new TestTenants(context).admin(tenant);
    UnitService unitService = context.getBean(UnitService.class);
    long garrison = garrisonUnit(unitService, admin, "驻" + tenant + "某部");
    long otherGarrison = garrisonUnit(unitService, admin, "驻" + tenant + "另一部");
    long responsible = responsibleUnit(unitService, admin, tenant + "交通局");
    units.put(tenant + ".garrison", garrison);
    units.put(tenant + ".otherGarrison", otherGarrison);
    units.put(tenant + ".responsible", responsible);
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    tokens.put(Caller.ADMIN, user(fixtures, tenant, "admin", Role.CITY_ADMIN, null, null));
    tokens.put(Caller.STAFF, user(fixtures, tenant, "staff", Role.CITY_STAFF, null, null));
    tokens.put(
        Caller.HANDLER, user(fixtures, tenant, "handler", Role.UNIT_HANDLER, null, responsible));
    tokens.put(
        Caller.LIAISON, user(fixtures, tenant, "liaison", Role.GARRISON_LIAISON, garrison, null));
    tokens.put(
        Caller.OTHER_LIAISON,
        user(fixtures, tenant, "liaison2", Role.GARRISON_LIAISON, otherGarrison, null));
    fixtures.user(prefix() + ".sup", Role.SUPERVISOR, null, province, null, null);
    tokens.put(Caller.SUPERVISOR, api.login(prefix() + ".sup", PlatformFixtures.PASSWORD));
    return tokens;
  }

  private String user(
      PlatformFixtures fixtures,
      String tenant,
      String name,
      Role role,
      Long garrisonUnit,
      Long responsibleUnit) {
    String username = tenant + "." + name;
    fixtures.user(username, role, tenant, null, garrisonUnit, responsibleUnit);
    return api.login(username, PlatformFixtures.PASSWORD);
  }

  private static long garrisonUnit(UnitService units, TenantContext admin, String name) {
    return units.listGarrisonUnits(admin, name).stream()
        .filter(unit -> unit.name().equals(name))
        .findFirst()
        .orElseGet(
            () -> units.createGarrisonUnit(admin, new GarrisonUnitForm(name, "ARMY", null, null)))
        .id();
  }

  private static long responsibleUnit(UnitService units, TenantContext admin, String name) {
    return units.listResponsibleUnits(admin, name).stream()
        .filter(unit -> unit.name().equals(name))
        .findFirst()
        .orElseGet(
            () ->
                units.createResponsibleUnit(
                    admin,
                    new ResponsibleUnitForm(name, ResponsibleUnitKind.DEPARTMENT, null, null)))
        .id();
  }

  private boolean finds(Read read, String tenant, Written written, String token)
      throws IOException {
    HttpResponse<byte[]> answer = api.download(path(read, tenant, written), token);
    return answer.statusCode() == 200 && textOf(answer).contains(written.marker());
  }

  private int statusOf(Read read, String tenant, Written written, String token) {
    return api.download(path(read, tenant, written), token).statusCode();
  }

  private static String path(Read read, String tenant, Written written) {
    String path =
        read.path()
            .replace("{id}", String.valueOf(written.id()))
            .replace(
                "{marker}", java.net.URLEncoder.encode(written.marker(), StandardCharsets.UTF_8))
            .replace("{year}", String.valueOf(java.time.Year.now().getValue()));
    for (Map.Entry<String, Long> more : written.more().entrySet()) {
      path = path.replace("{" + more.getKey() + "}", String.valueOf(more.getValue()));
    }
    return "/api/v1/tenants/" + tenant + path;
  }

  /** The answer as text: JSON and file names as they are, a workbook's cells through POI. */
  private static String textOf(HttpResponse<byte[]> answer) throws IOException {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (type.contains("spreadsheetml")) {
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()));
          XSSFExcelExtractor extractor = new XSSFExcelExtractor(workbook)) {
        return extractor.getText();
      }
    }
    String disposition = answer.headers().firstValue("Content-Disposition").orElse("");
    return new String(answer.body(), StandardCharsets.UTF_8)
        + java.net.URLDecoder.decode(disposition, StandardCharsets.UTF_8);
  }

  private long rawCount(String tenant) throws SQLException {
    return rawCount(tenant, table());
  }

  private long rawCount(String tenant, String table) throws SQLException {
    try (Connection c = context.getBean(OwnerDatabase.class).connect();
        PreparedStatement count =
            c.prepareStatement("select count(*) from t_" + tenant + "." + table);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private long trailCount(String tenant) throws SQLException {
    try (Connection c = context.getBean(OwnerDatabase.class).connect();
        PreparedStatement count =
            c.prepareStatement("select count(*) from platform.audit_event where tenant_code = ?")) {
      count.setString(1, tenant);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
