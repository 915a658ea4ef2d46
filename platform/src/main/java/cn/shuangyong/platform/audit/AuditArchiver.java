package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.database.ArchivedAuditRemoval;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.database.StartupLock;
import cn.shuangyong.platform.tenancy.TenantJobs;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the trail in the database for {@code shuangyong.audit.retention} (180 days at least, as the
 * 网络安全法 asks for logs) and moves what is older to a file, never dropping it: gzip JSON lines in
 * {@code shuangyong.audit.archive-dir}, every field including the seals (so the file itself can be
 * verified with the key), with a {@code .sha256} beside it in {@code sha256sum} form. The chain is
 * verified before anything moves (a broken chain is never archived as if it were whole); the
 * archive row keeps the seal of the last archived event as the anchor from which {@link
 * AuditLog#verify()} continues. One node at a time ({@link StartupLock}); the newest event always
 * stays, and only a prefix by id moves (entries copied late from a tenant carry older times).
 */
@Singleton
public class AuditArchiver {
  static final Duration MINIMUM_RETENTION = Duration.ofDays(180);
  private static final int PAGE = 1_000;
  private static final int MOST_PER_RUN = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(AuditArchiver.class);

  private final TransactionOperations<Connection> transactions;
  private final AuditLog audit;
  private final AuditSeal seal;
  private final ArchivedAuditRemoval removal;
  private final StartupLock oneNode;
  private final TenantJobs jobs;
  private final JsonMapper json;
  private final Clock clock;
  private final Duration retention;
  private final Path directory;

  AuditArchiver(
      @Named(PlatformDataSource.NAME) TransactionOperations<Connection> transactions,
      AuditLog audit,
      AuditSeal seal,
      ArchivedAuditRemoval removal,
      StartupLock oneNode,
      TenantJobs jobs,
      JsonMapper json,
      Clock clock,
      @Value("${shuangyong.audit.retention:180d}") Duration retention,
      @Value("${shuangyong.audit.archive-dir:${shuangyong.data-dir:./data}/audit-archive}")
          String directory) {
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalStateException(
          "shuangyong.audit.retention is " + retention + ": at least 180 days are required");
    }
    this.transactions = transactions;
    this.audit = audit;
    this.seal = seal;
    this.removal = removal;
    this.oneNode = oneNode;
    this.jobs = jobs;
    this.json = json;
    this.clock = clock;
    this.retention = retention;
    this.directory = Path.of(directory);
  }

  /** What one run did: the events moved and the file they went to (null when none). */
  public record Run(long events, Path file) {}

  @Scheduled(
      fixedDelay = "${shuangyong.audit.archive-interval:6h}",
      initialDelay = "${shuangyong.audit.archive-initial-delay:10m}")
  void everyInterval() {
    if (jobs.scheduled()) {
      try {
        archive();
      } catch (RuntimeException e) {
        LOG.error("audit archive failed; the events stay in the database", e);
      }
    }
  }

  /** Archives what is past the retention, one node at a time. */
  public Run archive() {
    Run[] run = new Run[1];
    oneNode.exclusively("audit archive", () -> run[0] = archiveNow());
    return run[0];
  }

  private Run archiveNow() {
    Instant cutoff = clock.instant().minus(retention);
    AuditLog.Verification verification = audit.verify();
    if (verification.firstBrokenId() != null) {
      audit.record(
          new AuditLog.Entry(
              "system",
              null,
              "AUDIT_ARCHIVE",
              null,
              "FAILURE",
              null,
              "chain broken at " + verification.firstBrokenId() + ": nothing archived"));
      throw new IllegalStateException(
          "the audit chain is broken at event "
              + verification.firstBrokenId()
              + ": nothing is archived until it is examined");
    }
    try {
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, "audit-", ".partial");
      Written written = write(partial, cutoff);
      if (written.events() == 0) {
        Files.delete(partial);
        return new Run(0, null);
      }
      String name =
          String.format("audit-%012d-%012d.jsonl.gz", written.firstId(), written.lastId());
      Path file = directory.resolve(name);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(directory.resolve(name + ".sha256"), written.sha256() + "  " + name + "\n");
      AuditArchiveRecord record =
          new AuditArchiveRecord(
              written.firstId(),
              written.lastId(),
              written.events(),
              written.lastHash(),
              name,
              written.sha256());
      removal.remove(
          new ArchivedAuditRemoval.Archived(
              clock.instant(),
              record.firstId(),
              record.lastId(),
              record.events(),
              record.lastHash(),
              name,
              record.sha256(),
              seal.seal(record.message())));
      audit.record(
          new AuditLog.Entry(
              "system",
              null,
              "AUDIT_ARCHIVE",
              name,
              "SUCCESS",
              null,
              written.events()
                  + " events "
                  + written.firstId()
                  + "-"
                  + written.lastId()
                  + " sha256="
                  + written.sha256()));
      LOG.info("archived {} audit events older than {} to {}", written.events(), cutoff, file);
      return new Run(written.events(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("the audit archive could not be written in " + directory, e);
    }
  }

  private record Written(long firstId, long lastId, long events, String lastHash, String sha256) {}

  /** Streams the oldest events before the cutoff, a prefix by id, into the gzip file. */
  private Written write(Path file, Instant cutoff) throws IOException {
    MessageDigest sha256 = sha256();
    long first = 0;
    long last = 0;
    long events = 0;
    String lastHash = null;
    try (OutputStream out =
        new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha256))) {
      long after = 0;
      while (events < MOST_PER_RUN) {
        List<Map<String, Object>> page = page(after, cutoff);
        for (Map<String, Object> row : page) {
          out.write(json.writeValueAsBytes(row));
          out.write('\n');
          last = (Long) row.get("id");
          first = first == 0 ? last : first;
          lastHash = (String) row.get("hash");
          events++;
        }
        if (page.size() < PAGE) {
          break;
        }
        after = last;
      }
    }
    return new Written(first, last, events, lastHash, HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * The next page of the prefix: events after {@code after} up to the first one at or past the
   * cutoff, never the newest event (the chain's head stays in the table).
   */
  private List<Map<String, Object>> page(long after, Instant cutoff) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "select id, at, username, tenant_code, action, target, result, ip, detail,"
                          + " source_id, prev_hash, hash, seal from audit_event where id > ?"
                          + " and id < coalesce((select min(id) from audit_event where at >= ?),"
                          + " (select max(id) from audit_event)) order by id limit "
                          + PAGE)) {
            select.setLong(1, after);
            select.setTimestamp(2, Timestamp.from(cutoff));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rs.getLong(1));
                row.put("at", rs.getTimestamp(2).toInstant().toString());
                String[] names = {"user", "tenant", "action", "target", "result", "ip", "detail"};
                for (int i = 0; i < names.length; i++) {
                  row.put(names[i], rs.getString(i + 3));
                }
                row.put("sourceId", rs.getObject(10, Long.class));
                row.put("prevHash", rs.getString(11));
                row.put("hash", rs.getString(12));
                row.put("seal", rs.getString(13));
                rows.add(row);
              }
            }
            return rows;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
