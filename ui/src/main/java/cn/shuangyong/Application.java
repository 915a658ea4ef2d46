package cn.shuangyong;

import cn.shuangyong.platform.audit.AuditVerifyCommand;
import cn.shuangyong.platform.database.EmbeddedPostgresServer;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command launcher: the REST API and the Vaadin UI on one port. Without a configured
 * database it starts an embedded PostgreSQL over {@code SHUANGYONG_DATA_DIR} (default {@code
 * ./data}) and keeps the audit and personal-data keys beside it; without a configured JWT secret it
 * makes one up for this run. {@code audit-verify} as the first argument checks the audit trail and
 * exits.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  private static final String AUDIT_VERIFY = "audit-verify";

  private Application() {}

  public static void main(String[] args) {
    Map<String, Object> properties = new HashMap<>();
    if (!configured("datasources.default.url", "DATASOURCES_DEFAULT_URL")) {
      Path dataDirectory = dataDirectory();
      LOG.info("no database configured: starting the embedded PostgreSQL in {}", dataDirectory);
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, true);
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
      properties.put("datasources.default.url", postgres.jdbcUrl());
      properties.put("datasources.default.username", EmbeddedPostgresServer.SUPERUSER);
      properties.put("datasources.default.password", postgres.superuserPassword());
      if (!configured("shuangyong.audit.key", "SHUANGYONG_AUDIT_KEY")
          && !configured("shuangyong.audit.key-file", "SHUANGYONG_AUDIT_KEY_FILE")) {
        // the one-command run: the audit seal's key is generated beside the database (with a WARN);
        // with a configured database the key must be configured too (AuditKey)
        properties.put("shuangyong.audit.key-file", dataDirectory.resolve("audit.key").toString());
        properties.put("shuangyong.audit.generate-key", "true");
      }
      if (!configured("shuangyong.privacy.key", "SHUANGYONG_PRIVACY_KEY")
          && !configured("shuangyong.privacy.key-file", "SHUANGYONG_PRIVACY_KEY_FILE")) {
        // and so is the key of the personal data (PersonalDataCipher)
        properties.put(
            "shuangyong.privacy.key-file", dataDirectory.resolve("personal-data.key").toString());
        properties.put("shuangyong.privacy.generate-key", "true");
      }
    }
    properties.put("shuangyong.data-dir", dataDirectory().toString());
    String jwtAlias = System.getenv("SHUANGYONG_JWT_SECRET");
    if (jwtAlias != null && !jwtAlias.isBlank()) {
      // the short name of the runbook, for shuangyong.security.jwt-secret
      properties.put("shuangyong.security.jwt-secret", jwtAlias);
    } else if (!configured("shuangyong.security.jwt-secret", "SHUANGYONG_SECURITY_JWT_SECRET")) {
      properties.put("shuangyong.security.jwt-secret", randomHex(32));
      LOG.warn(
          "SHUANGYONG_JWT_SECRET is not set: using a random secret for this run only;"
              + " tokens will not survive a restart and will not work across instances");
    }
    if (!configured("shuangyong.db.app-password", "SHUANGYONG_DB_APP_PASSWORD")) {
      // single node: the tenant pool's login role gets a fresh password at each start
      properties.put("shuangyong.db.app-password", randomHex(24));
    }
    if (!configured("shuangyong.db.platform-password", "SHUANGYONG_DB_PLATFORM_PASSWORD")) {
      // and so does the platform pool's (least-privileged) login role
      properties.put("shuangyong.db.platform-password", randomHex(24));
    }
    if (args.length > 0 && AUDIT_VERIFY.equals(args[0])) {
      System.exit(verifyAuditTrail(properties));
    }
    ApplicationContext context =
        Micronaut.build(args).mainClass(Application.class).properties(properties).start();
    context
        .findBean(EmbeddedServer.class)
        .ifPresent(
            server ->
                LOG.info(
                    "Shuangyong Cloud is running: http://localhost:{}/ (API under /api/v1)",
                    server.getPort()));
    if (context.getProperty("shuangyong.demo.enabled", Boolean.class).orElse(false)) {
      LOG.info(
          "Demo logins (password {}): admin (platform), zj.supervisor (province),"
              + " pinghu.admin and pinghu.staff (city office)",
          DemoProvince.PASSWORD);
    }
  }

  /**
   * {@code audit-verify}: checks the audit trail's keyed chain and exits (0 whole, 1 broken), with
   * no web server, UI or jobs. In the one-command run, stop the application first (the embedded
   * database's data directory serves one process).
   */
  private static int verifyAuditTrail(Map<String, Object> properties) {
    properties.put("shuangyong.ui.enabled", "false");
    properties.put("shuangyong.jobs.scheduled", "false");
    properties.put("shuangyong.demo.enabled", "false");
    try (ApplicationContext context =
        ApplicationContext.builder(Application.class).properties(properties).start()) {
      return context.getBean(AuditVerifyCommand.class).run(System.out);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static boolean configured(String property, String environmentVariable) {
    String fromProperty = System.getProperty(property);
    String fromEnvironment = System.getenv(environmentVariable);
    return (fromProperty != null && !fromProperty.isBlank())
        || (fromEnvironment != null && !fromEnvironment.isBlank());
  }

  private static Path dataDirectory() {
    String configured = System.getenv("SHUANGYONG_DATA_DIR");
    Path directory = Path.of(configured == null || configured.isBlank() ? "data" : configured);
    return directory.toAbsolutePath().normalize();
  }
}
