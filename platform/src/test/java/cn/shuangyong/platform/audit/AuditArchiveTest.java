package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.testing.TestClock;
import cn.shuangyong.platform.testing.TestClockFactory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Events past the retention move to a gzip file with its SHA-256 beside it, are then gone from the
 * table, and the chain stays verifiable across the boundary from the sealed anchor; a forged anchor
 * or a tampered first event after it is named; nothing else may be deleted, even by the owner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditArchiveTest {
  private Path archives;
  private final TestInfrastructure infra = TestInfrastructure.get();
  private Map<String, String> database;
  private ApplicationContext context;

  @BeforeAll
  void start() throws Exception {
    archives = Files.createTempDirectory("audit-archive-test");
    database = infra.freshDatabase();
    Map<String, Object> properties = new HashMap<>(database);
    properties.put(TestClockFactory.PROPERTY, "manual");
    properties.put("shuangyong.audit.archive-dir", archives.toString());
    context = ApplicationContext.run(properties);
  }

  @AfterAll
  void stop() {
    context.close();
    infra.dropDatabase(database);
  }

  @Test
  @Order(1)
  void oldEventsMoveToAFileWithItsChecksumAndTheChainStaysWhole() throws Exception {
    AuditLog audit = context.getBean(AuditLog.class);
    AuditArchiver archiver = context.getBean(AuditArchiver.class);
    for (int i = 0; i < 5; i++) {
      audit.record(new AuditLog.Entry("old", null, "LOGIN", "API", "SUCCESS", "10.0.0.1", null));
    }
    long before = audit.verify().checked();
    assertThat(archiver.archive().events()).as("nothing is past the retention yet").isZero();

    context.getBean(TestClock.class).advance(Duration.ofDays(181));
    audit.record(new AuditLog.Entry("new", null, "LOGIN", "API", "SUCCESS", "10.0.0.2", null));
    audit.record(new AuditLog.Entry("new", null, "LOGOUT", "API", "SUCCESS", "10.0.0.2", null));

    AuditArchiver.Run run = archiver.archive();
    assertThat(run.events()).isGreaterThanOrEqualTo(before);
    Path file = run.file();
    String checksum = Files.readString(Path.of(file + ".sha256"));
    assertThat(checksum)
        .isEqualTo(sha256(Files.readAllBytes(file)) + "  " + file.getFileName() + "\n");
    List<String> lines = lines(file);
    assertThat(lines).hasSize((int) run.events());
    assertThat(lines).anyMatch(line -> line.contains("\"user\":\"old\"") && line.contains("hash"));
    assertThat(lines).noneMatch(line -> line.contains("\"user\":\"new\""));

    AuditLog.Verification afterArchive = audit.verify();
    assertThat(afterArchive.firstBrokenId()).isNull();
    assertThat(afterArchive.checked()).isLessThan(before + 3);
    assertThat(archiver.archive().events()).as("a second run finds nothing more").isZero();

    try (Connection c = owner();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("delete from platform.audit_event"))
          .as("rows no archive covers stay, even for the owner")
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("delete from platform.audit_archive"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  @Order(3) // breaks this database's chain for good
  void aForgedAnchorIsFound() throws Exception {
    AuditLog audit = context.getBean(AuditLog.class);
    audit.record(new AuditLog.Entry("x", null, "LOGIN", "API", "SUCCESS", "10.0.0.3", null));
    assertThat(audit.verify().firstBrokenId()).isNull();
    try (Connection c = owner();
        PreparedStatement forge =
            c.prepareStatement(
                "insert into platform.audit_archive (archived_at, first_id, last_id, events,"
                    + " last_hash, file, sha256, seal) select now(), 1, max(id) - 1, 1,"
                    + " (select prev_hash from platform.audit_event order by id desc limit 1),"
                    + " 'forged', 'x', 'deadbeef' from platform.audit_event")) {
      forge.executeUpdate();
    }
    assertThat(audit.verify().firstBrokenId()).isNotNull();
  }

  @Test
  @Order(2)
  void aRetentionBelowSixMonthsIsRefused() {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("shuangyong.audit.retention", "90d");
    properties.put("shuangyong.audit.archive-dir", archives.toString());
    try (ApplicationContext other = ApplicationContext.run(properties)) {
      assertThatThrownBy(() -> other.getBean(AuditArchiver.class))
          .hasStackTraceContaining("at least 180 days");
    }
  }

  private Connection owner() throws Exception {
    return DriverManager.getConnection(
        database.get("datasources.default.url"),
        database.get("datasources.default.username"),
        database.get("datasources.default.password"));
  }

  private static List<String> lines(Path file) throws Exception {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
