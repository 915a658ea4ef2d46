package cn.shuangyong;

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
 * ./data}); without a configured JWT secret it makes one up for this run.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private Application() {}

  public static void main(String[] args) {
    Map<String, Object> properties = new HashMap<>();
    if (!configured("datasources.default.url", "DATASOURCES_DEFAULT_URL")) {
      Path dataDirectory = dataDirectory();
      LOG.info("no database configured: starting the embedded PostgreSQL in {}", dataDirectory);
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, true);
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
      properties.put("datasources.default.url", postgres.jdbcUrl());
      properties.put("datasources.default.username", "postgres");
      properties.put("datasources.default.password", "");
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
