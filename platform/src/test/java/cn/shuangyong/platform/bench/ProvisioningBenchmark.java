package cn.shuangyong.platform.bench;

import static cn.shuangyong.platform.bench.BenchSupport.*;

import cn.shuangyong.platform.database.DatabaseSettings;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantProvisioner;
import cn.shuangyong.platform.tenancy.TenantRoles;
import cn.shuangyong.platform.tenancy.TenantStartupMigration;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Foundation's performance table: how long provisioning a tenant, migrating all tenant schemas
 * at startup and starting the application take, against a real PostgreSQL chosen by {@link
 * TestInfrastructure} (the same switch as the tests: {@code -Dtest.infra=auto|docker|external|
 * embedded}).
 *
 * <p>Not a unit test ({@code mvn test} does not run it). Run it with {@code mvn -pl platform -am
 * -Pbench -DskipTests verify}; knobs (system properties, also accepted by Maven):
 *
 * <ul>
 *   <li>{@code bench.provisions} (100): tenants provisioned one by one for median and p95, after
 *       {@code bench.warmup} (5) unmeasured ones;
 *   <li>{@code bench.tenants} (100,1000): sizes of the from-scratch startup migration;
 *   <li>{@code bench.threads} (empty: the configured {@code shuangyong.db.migration-threads}, then
 *       1 for comparison): thread counts of the startup migration;
 *   <li>{@code bench.parts} (provision,migrate,twonodes,startup): which parts to run ({@code
 *       twonodes}: two application contexts run the startup migration of {@code
 *       bench.twonodes.tenants} (100) tenants at the same moment, as two nodes starting together;
 *       {@code restart}: a new application context over tenants that are all at the newest schema,
 *       at each of {@code bench.restart.tenants} (20,1000) tenants in the same run, until every
 *       tenant is ready on it; the target is the largest within 2× of the smallest);
 *   <li>{@code bench.jar} ({@code ui/target/shuangyong-cloud.jar}): the application for the startup
 *       measurement, skipped when it does not exist; {@code bench.app.timeout} (180 s);
 *   <li>{@code bench.output} ({@code platform/target/bench/provisioning.md}).
 * </ul>
 */
public final class ProvisioningBenchmark {
  private static final String REGION = "benchprov";
  private static final String PROVISION_PREFIX = "bp";
  private static final String MIGRATE_PREFIX = "bm";
  private static final Duration TARGET_PROVISION = Duration.ofSeconds(1);
  private static final Duration TARGET_MIGRATE_1000 = Duration.ofSeconds(90);
  private static final Duration TARGET_HEALTHY = Duration.ofSeconds(20);

  private final TestInfrastructure infra;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private int configuredThreads = 2;

  private ProvisioningBenchmark(TestInfrastructure infra) {
    this.infra = infra;
  }

  public static void main(String[] args) throws Exception {
    Set<String> parts =
        new LinkedHashSet<>(list("bench.parts", "provision,migrate,twonodes,restart,startup"));
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    ProvisioningBenchmark bench = new ProvisioningBenchmark(TestInfrastructure.get());
    int exitCode = 0;
    try {
      bench.machineFacts();
      if (parts.contains("provision")) {
        bench.provisioning(Integer.getInteger("bench.provisions", 100));
      }
      if (parts.contains("migrate")) {
        bench.startupMigration();
      }
      if (parts.contains("twonodes")) {
        bench.twoNodesStartingTogether(Integer.getInteger("bench.twonodes.tenants", 100));
      }
      if (parts.contains("restart")) {
        bench.restartWithNothingToMigrate(list("bench.restart.tenants", "20,1000"));
      }
      if (parts.contains("startup")) {
        bench.startupToHealthy();
      }
    } catch (Exception e) {
      // e.g. two nodes that never finish: report what there is, then end the JVM
      bench.notes.add("benchmark aborted: " + e);
      e.printStackTrace();
      exitCode = 1;
    } finally {
      bench.facts.put("Load average before / after", loadBefore + " / " + loadAverage());
      bench.facts.put(
          "Benchmark wall time", seconds(Duration.ofNanos(System.nanoTime() - started)) + " s");
      bench.report();
    }
    // TestInfrastructure's shutdown hook drops the throwaway database and the run's roles
    System.exit(exitCode);
  }

  // ---------------------------------------------------------------------------------------------
  // a. provisioning one tenant

  private void provisioning(int count) throws SQLException {
    int warmup = Integer.getInteger("bench.warmup", 5);
    log("provisioning %d tenants (after %d warm-up ones)", count, warmup);
    try (ApplicationContext context = context(configuredThreads)) {
      TenantProvisioner provisioner = context.getBean(TenantProvisioner.class);
      TenantDirectory directory = context.getBean(TenantDirectory.class);
      if (directory.region(REGION).isEmpty()) {
        directory.addRegion(REGION, "基准测试省", AdministrativeLevel.PROVINCE, null);
      }
      long[] nanos = new long[count];
      long first = 0;
      int failed = 0;
      for (int i = 0; i < warmup + count; i++) {
        String code = String.format(Locale.ROOT, "%s%05d", PROVISION_PREFIX, i);
        long t0 = System.nanoTime();
        Tenant tenant =
            provisioner.provision(
                new TenantProvisioner.NewTenant(
                    new TenantCode(code),
                    "基准" + code,
                    AdministrativeLevel.COUNTY,
                    REGION,
                    null,
                    null,
                    "{}"),
                "bench");
        long elapsed = System.nanoTime() - t0;
        if (tenant.status() != TenantStatus.ACTIVE) {
          failed++;
          notes.add("provisioning " + code + " failed: " + tenant.statusDetail());
        }
        if (i == 0) {
          first = elapsed;
        }
        if (i >= warmup) {
          nanos[i - warmup] = elapsed;
        }
      }
      Arrays.sort(nanos);
      long median = percentile(nanos, 50);
      long p95 = percentile(nanos, 95);
      String what = "Provision one tenant (registry row + schema + role + grants + Flyway)";
      rows.add(
          row(
              what + ", median of " + count,
              millis(median) + " ms",
              "≤ 1 s",
              verdict(median <= TARGET_PROVISION.toNanos())));
      rows.add(
          row(
              what + ", p95 of " + count,
              millis(p95) + " ms",
              "≤ 1 s",
              verdict(p95 <= TARGET_PROVISION.toNanos())));
      rows.add(
          row(
              what + ", min / max of " + count,
              millis(nanos[0]) + " / " + millis(nanos[count - 1]) + " ms",
              "",
              ""));
      rows.add(
          row(
              "First provisioning of the JVM (cold, not in the figures above)",
              millis(first) + " ms",
              "",
              ""));
      if (failed > 0) {
        rows.add(row("Failed provisionings", String.valueOf(failed), "0", verdict(false)));
      }
      facts.put(
          "Tenant schema (tables after migration)",
          describeTenantSchema(PROVISION_PREFIX + "00000"));
      dropTenants(context.getBean(TenantRoles.class), PROVISION_PREFIX);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // b. migrating N tenant schemas from scratch, as the startup migration does

  private void startupMigration() throws SQLException {
    List<Integer> sizes = list("bench.tenants", "100,1000").stream().map(Integer::valueOf).toList();
    List<Integer> threadCounts = list("bench.threads", "").stream().map(Integer::valueOf).toList();
    if (threadCounts.isEmpty()) {
      threadCounts = configuredThreads == 1 ? List.of(1) : List.of(configuredThreads, 1);
    }
    for (int threads : threadCounts) {
      try (ApplicationContext context = context(threads)) {
        TenantRoles roles = context.getBean(TenantRoles.class);
        int actualThreads = context.getBean(DatabaseSettings.class).migrationThreads();
        for (int size : sizes) {
          log("startup migration of %d tenant schemas on %d thread(s)", size, actualThreads);
          register(size);
          long t0 = System.nanoTime();
          // a fresh instance does exactly what the application does at startup
          TenantStartupMigration migration = context.createBean(TenantStartupMigration.class);
          awaitMigrations(migration);
          Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
          int active = countActive(MIGRATE_PREFIX);
          int schemas = countSchemas(MIGRATE_PREFIX);
          String result =
              seconds(elapsed)
                  + " s ("
                  + String.format(Locale.ROOT, "%.1f", size / (elapsed.toNanos() / 1e9))
                  + " tenants/s, "
                  + millis(elapsed.toNanos() / size)
                  + " ms each)";
          boolean complete =
              active == size && schemas == size && migration.failedTenants().isEmpty();
          if (!complete) {
            result +=
                "; only "
                    + active
                    + " ACTIVE, "
                    + schemas
                    + " schemas, failed: "
                    + migration.failedTenants();
          }
          String target = "";
          String verdict = complete ? "" : verdict(false);
          if (actualThreads != configuredThreads) {
            target = "(comparison)";
          } else if (size >= 1000) {
            Duration allowed = TARGET_MIGRATE_1000.multipliedBy(size).dividedBy(1000);
            target = "≤ " + allowed.toSeconds() + " s (2 cores)";
            verdict = verdict(complete && elapsed.compareTo(allowed) <= 0);
          }
          rows.add(
              row(
                  "Migrate "
                      + size
                      + " tenant schemas from scratch (startup migration, "
                      + actualThreads
                      + (actualThreads == 1 ? " thread)" : " threads)"),
                  result,
                  target,
                  verdict));
          dropTenants(roles, MIGRATE_PREFIX);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // b'. two nodes starting at the same moment (compose `up`, a fresh Kubernetes Deployment)

  private void twoNodesStartingTogether(int size) throws Exception {
    String[] rounds = {"new tenants", "already migrated tenants (a plain restart)"};
    try (ApplicationContext first = context(configuredThreads);
        ApplicationContext second = context(configuredThreads)) {
      TenantRoles roles = first.getBean(TenantRoles.class);
      register(size);
      for (String round : rounds) {
        log("two nodes migrating %d %s at once", size, round);
        java.util.concurrent.ExecutorService nodes =
            java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
          long t0 = System.nanoTime();
          java.util.concurrent.Future<List<String>> a = nodes.submit(() -> startupFailures(first));
          java.util.concurrent.Future<List<String>> b = nodes.submit(() -> startupFailures(second));
          long limit = Long.getLong("bench.twonodes.timeout", 300);
          List<String> failuresA = a.get(limit, TimeUnit.SECONDS);
          List<String> failuresB = b.get(limit, TimeUnit.SECONDS);
          Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
          int active = countActive(MIGRATE_PREFIX);
          boolean clean = failuresA.isEmpty() && failuresB.isEmpty() && active == size;
          String result =
              seconds(elapsed)
                  + " s; node 1: "
                  + outcome(failuresA)
                  + ", node 2: "
                  + outcome(failuresB)
                  + "; ACTIVE afterwards: "
                  + active
                  + "/"
                  + size;
          rows.add(
              row(
                  "Two nodes start together, " + size + " " + round,
                  result,
                  "no failures",
                  verdict(clean)));
          if (!clean) {
            failureCauses(MIGRATE_PREFIX).forEach(c -> notes.add("two nodes, " + round + ": " + c));
          }
        } finally {
          nodes.shutdown();
        }
        // the next round starts from whatever the registry says now, like a real restart
        resetFailed(MIGRATE_PREFIX);
      }
      dropTenants(roles, MIGRATE_PREFIX);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // b''. a restart (a deploy) with nothing to migrate: it must not grow with the tenants

  private static final String RESTART_PREFIX = "br";

  /**
   * Each size in a database of its own, its tenants brought to the newest schema first (not
   * measured); then restarts of the sizes taken in turn (20, 1000, 20, 1000, …), so that both see
   * the same machine: the shared machine's load changes by the minute.
   */
  private void restartWithNothingToMigrate(List<String> sizes) throws Exception {
    List<Integer> counts = sizes.stream().map(Integer::valueOf).sorted().toList();
    Map<Integer, Map<String, String>> databases = new LinkedHashMap<>();
    try {
      for (int size : counts) {
        Map<String, String> database = infra.freshDatabase();
        databases.put(size, database);
        try (ApplicationContext context = context(database)) {
          log("restart: bringing %d tenants to the newest schema (not measured)", size);
          registerMore(database, RESTART_PREFIX, size);
          awaitMigrations(context.createBean(TenantStartupMigration.class));
        }
      }
      int rounds = Integer.getInteger("bench.restart.rounds", 5);
      Map<Integer, long[]> nanos = new LinkedHashMap<>();
      Map<Integer, Integer> behind = new LinkedHashMap<>();
      counts.forEach(size -> nanos.put(size, new long[rounds]));
      String loadBefore = loadAverage();
      for (int round = 0; round < rounds; round++) {
        for (int size : counts) {
          long t0 = System.nanoTime();
          try (ApplicationContext restarted = context(databases.get(size))) {
            TenantStartupMigration migration = restarted.getBean(TenantStartupMigration.class);
            awaitMigrations(migration);
            nanos.get(size)[round] = System.nanoTime() - t0;
            behind.merge(size, migration.behindAtStart(), Math::max);
          }
        }
      }
      String loadAfter = loadAverage();
      Map<Integer, Long> medians = new LinkedHashMap<>();
      for (int size : counts) {
        long[] sorted = nanos.get(size).clone();
        Arrays.sort(sorted);
        medians.put(size, sorted[rounds / 2]);
        rows.add(
            row(
                "Restart with nothing to migrate, "
                    + size
                    + " tenants (a new application context until every tenant is ready on"
                    + " it), median of "
                    + rounds,
                millis(sorted[rounds / 2])
                    + " ms (min "
                    + millis(sorted[0])
                    + ", max "
                    + millis(sorted[rounds - 1])
                    + "; tenants migrated at start: "
                    + behind.get(size)
                    + ")",
                "",
                behind.get(size) == 0 ? "" : verdict(false)));
      }
      int small = counts.get(0);
      int large = counts.get(counts.size() - 1);
      double ratio = medians.get(large) / (double) medians.get(small);
      rows.add(
          row(
              "Restart at " + large + " tenants / restart at " + small + " tenants (same run)",
              String.format(Locale.ROOT, "%.2f×", ratio)
                  + " (load average "
                  + loadBefore
                  + " before, "
                  + loadAfter
                  + " after the restarts)",
              "≤ 2×",
              verdict(ratio <= 2.0)));
    } finally {
      databases.values().forEach(infra::dropDatabase);
    }
  }

  /** Registry rows of a prefix in a database (PROVISIONING, no schema yet). */
  private static void registerMore(Map<String, String> database, String prefix, int count)
      throws SQLException {
    try (Connection connection =
            java.sql.DriverManager.getConnection(
                database.get("datasources.default.url"),
                database.get("datasources.default.username"),
                database.get("datasources.default.password"));
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into platform.tenant (code, name, level, region_code, status, created_by,"
                    + " updated_by) values (?, ?, 'COUNTY', ?, 'PROVISIONING', 'bench', 'bench')")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into platform.region (code, name, level, path) values ('"
                + REGION
                + "', '基准测试省', 'PROVINCE', '"
                + REGION
                + "') on conflict do nothing");
      }
      for (int i = 0; i < count; i++) {
        String code = String.format(Locale.ROOT, "%s%05d", prefix, i);
        insert.setString(1, code);
        insert.setString(2, "基准" + code);
        insert.setString(3, REGION);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  private static String outcome(List<String> failures) {
    if (failures.size() == 1 && failures.get(0).startsWith(CRASHED)) {
      return "**startup crashed** (" + failures.get(0).substring(CRASHED.length()) + ")";
    }
    return failures.size() + " tenant(s) failed";
  }

  private static final String CRASHED = "crashed: ";

  private static List<String> startupFailures(ApplicationContext node) {
    try {
      TenantStartupMigration migration = node.createBean(TenantStartupMigration.class);
      awaitMigrations(migration);
      return migration.failedTenants();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return List.of(CRASHED + cause.getClass().getSimpleName());
    }
  }

  /** The startup migration runs in the background: wait until it is done (or 10 minutes). */
  private static void awaitMigrations(TenantStartupMigration migration) {
    try {
      if (!migration.awaitDone(Duration.ofMinutes(10))) {
        throw new IllegalStateException(
            "the startup migration did not end: " + migration.notReadyTenants().size() + " left");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Distinct failure causes recorded on the tenants, with how many tenants had each. */
  private List<String> failureCauses(String prefix) throws SQLException {
    List<String> causes = new ArrayList<>();
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select left(status_detail, 160), count(*) from platform.tenant where code like '"
                    + prefix
                    + "%' and status = 'FAILED' group by 1 order by 2 desc")) {
      while (rs.next()) {
        causes.add(rs.getInt(2) + " tenant(s) FAILED: " + rs.getString(1));
      }
    }
    return causes;
  }

  private void resetFailed(String prefix) throws SQLException {
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "update platform.tenant set status = 'PROVISIONING' where status = 'FAILED' and code"
              + " like '"
              + prefix
              + "%'");
    }
  }

  /** Registry rows only (PROVISIONING, no schema, no role): what the startup migration finds. */
  private void register(int size) throws SQLException {
    try (Connection connection = infra.ownerConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into platform.tenant (code, name, level, region_code, status, created_by,"
                    + " updated_by) values (?, ?, 'COUNTY', ?, 'PROVISIONING', 'bench', 'bench')")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into platform.region (code, name, level, path) values ('"
                + REGION
                + "', '基准测试省', 'PROVINCE', '"
                + REGION
                + "') on conflict do nothing");
      }
      for (int i = 0; i < size; i++) {
        String code = String.format(Locale.ROOT, "%s%05d", MIGRATE_PREFIX, i);
        insert.setString(1, code);
        insert.setString(2, "基准" + code);
        insert.setString(3, REGION);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // c. startup of the real application to a healthy /health

  private void startupToHealthy() throws IOException, InterruptedException {
    Path jar = Paths.get(System.getProperty("bench.jar", "../ui/target/shuangyong-cloud.jar"));
    if (!Files.isRegularFile(jar)) {
      String message = "skipped: " + jar.toAbsolutePath().normalize() + " does not exist";
      log("startup to healthy %s", message);
      rows.add(
          row("Start to healthy, first start (empty data dir, demo data)", message, "≤ 20 s", ""));
      rows.add(row("Start to healthy, second start (same data dir)", message, "≤ 20 s", ""));
      return;
    }
    Path work = Paths.get(System.getProperty("bench.output.dir", "target/bench"));
    Files.createDirectories(work);
    Path dataDir = Files.createTempDirectory(work.toAbsolutePath(), "app-data-");
    facts.put(
        "Application jar",
        jar.toAbsolutePath().normalize() + " (" + Files.size(jar) / 1_048_576 + " MB)");
    try {
      String[] labels = {
        "Start to healthy, first start (empty data dir, demo data)",
        "Start to healthy, second start (same data dir)"
      };
      for (int i = 0; i < labels.length; i++) {
        Path logFile = work.resolve("app-start-" + (i + 1) + ".log");
        log("starting %s (%s), log in %s", jar, i == 0 ? "first" : "second", logFile);
        Optional<Duration> healthy = startOnce(jar, dataDir, logFile);
        rows.add(
            row(
                labels[i],
                healthy.map(d -> seconds(d) + " s").orElse("not healthy (see " + logFile + ")"),
                "≤ 20 s",
                verdict(healthy.isPresent() && healthy.get().compareTo(TARGET_HEALTHY) <= 0)));
        if (healthy.isEmpty()) {
          break;
        }
      }
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        deleteTree(dataDir);
      }
    }
  }

  private Optional<Duration> startOnce(Path jar, Path dataDir, Path logFile)
      throws IOException, InterruptedException {
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(list("bench.app.jvm-args", ""));
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    builder.environment().put("SHUANGYONG_DATA_DIR", dataDir.toString());
    builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    long deadline =
        System.nanoTime() + Duration.ofSeconds(Long.getLong("bench.app.timeout", 180)).toNanos();
    long t0 = System.nanoTime();
    Process process = builder.start();
    try {
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return Optional.of(Duration.ofNanos(System.nanoTime() - t0));
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      if (!process.isAlive()) {
        List<String> lines = Files.readAllLines(logFile);
        notes.add(
            "the application exited with code "
                + process.exitValue()
                + " before it was healthy; its log ends with: `"
                + String.join(" / ", lines.subList(Math.max(0, lines.size() - 2), lines.size()))
                + "`");
      }
      return Optional.empty();
    } finally {
      stop(process, dataDir);
    }
  }

  /** Stops the child (SIGTERM, then SIGKILL) and any PostgreSQL it left running on its data dir. */
  private void stop(Process process, Path dataDir) throws InterruptedException {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    try (Stream<Path> files = Files.walk(dataDir, 3)) {
      for (Path pidFile : files.filter(p -> p.endsWith("postmaster.pid")).toList()) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()
            && postmaster.get().info().command().orElse("").contains("postgres")) {
          notes.add("stopped a PostgreSQL (pid " + pid + ") the application left running");
          postmaster.get().destroy();
          postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
      }
    } catch (Exception e) {
      notes.add("could not check for a leftover PostgreSQL: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // database helpers

  /**
   * A context on the benchmark database; {@code migrationThreads} null keeps the configured one.
   */
  private ApplicationContext context(Integer migrationThreads) {
    return context(infra.properties(), migrationThreads);
  }

  /** A context on another database of {@link TestInfrastructure#freshDatabase}. */
  private ApplicationContext context(Map<String, String> database) {
    return context(database, configuredThreads);
  }

  private ApplicationContext context(Map<String, String> database, Integer migrationThreads) {
    Map<String, Object> properties = new HashMap<>(database);
    if (migrationThreads != null) {
      properties.put("shuangyong.db.migration-threads", migrationThreads);
    }
    // the tenant pool is not measured here: keep it small on a shared server
    properties.put("shuangyong.db.tenant-pool-size", 2);
    properties.put("shuangyong.demo.enabled", false);
    properties.put("micronaut.server.port", -1);
    return ApplicationContext.builder().properties(properties).deduceEnvironment(false).start();
  }

  private void machineFacts() throws SQLException {
    try (ApplicationContext context = context((Integer) null)) {
      configuredThreads = context.getBean(DatabaseSettings.class).migrationThreads();
    }
    facts.put("Date", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    facts.put("CPU cores (JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
    facts.put("Memory", memTotal());
    facts.put(
        "JDK",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put("Infrastructure mode (test.infra)", infra.mode());
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      facts.put("PostgreSQL", single(statement, "select version()"));
      facts.put(
          "PostgreSQL settings",
          "max_connections="
              + single(statement, "show max_connections")
              + ", max_locks_per_transaction="
              + single(statement, "show max_locks_per_transaction")
              + ", shared_buffers="
              + single(statement, "show shared_buffers")
              + ", fsync="
              + single(statement, "show fsync")
              + ", synchronous_commit="
              + single(statement, "show synchronous_commit"));
    }
    facts.put("Flyway", flywayVersion());
    facts.put("shuangyong.db.migration-threads (configured)", String.valueOf(configuredThreads));
  }

  private static String flywayVersion() {
    try (var in =
        org.flywaydb.core.Flyway.class.getResourceAsStream(
            "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }

  private String describeTenantSchema(String code) throws SQLException {
    String schema = new TenantCode(code).schema();
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      String tables =
          single(
              statement,
              "select count(*) from information_schema.tables where table_schema = '"
                  + schema
                  + "' and table_name <> 'flyway_schema_history'");
      String migrations =
          single(
              statement,
              "select count(*) from \"" + schema + "\".flyway_schema_history where success");
      return tables + " tables, " + migrations + " migration(s)";
    }
  }

  private int countActive(String prefix) throws SQLException {
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      return Integer.parseInt(
          single(
              statement,
              "select count(*) from platform.tenant where status = 'ACTIVE' and code like '"
                  + prefix
                  + "%'"));
    }
  }

  private int countSchemas(String prefix) throws SQLException {
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      return Integer.parseInt(
          single(
              statement,
              "select count(*) from pg_namespace where nspname like 't\\_" + prefix + "%'"));
    }
  }

  /** Drops the tenants' schemas (one per transaction: lock table) and roles, then their rows. */
  private void dropTenants(TenantRoles roles, String prefix) throws SQLException {
    long t0 = System.nanoTime();
    List<String> codes = new ArrayList<>();
    try (Connection connection = infra.ownerConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery(
              "select code from platform.tenant where code like '" + prefix + "%' order by code")) {
        while (rs.next()) {
          codes.add(rs.getString(1));
        }
      }
      for (String value : codes) {
        TenantCode code = new TenantCode(value);
        statement.execute("drop schema if exists \"" + code.schema() + "\" cascade");
        statement.execute("drop role if exists \"" + roles.roleOf(code) + "\"");
      }
      statement.execute("delete from platform.tenant where code like '" + prefix + "%'");
    }
    log("dropped %d tenants in %d ms", codes.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  // ---------------------------------------------------------------------------------------------
  // report

  private void report() throws IOException {
    StringBuilder md = new StringBuilder("## Provisioning and startup benchmark\n\n");
    table(md, "| Measurement | Result | Target | |", rows);
    machine(md, facts, notes);
    md.append(
        "\nRun with `mvn -pl platform -am -Pbench -DskipTests verify`"
            + " (see ProvisioningBenchmark for the knobs).\n");
    write(md, "target/bench/provisioning.md");
  }

  // ---------------------------------------------------------------------------------------------
  // small things

  private static List<String> list(String property, String fallback) {
    String value = System.getProperty(property, fallback);
    return Arrays.stream(value.split("[,\\s]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
