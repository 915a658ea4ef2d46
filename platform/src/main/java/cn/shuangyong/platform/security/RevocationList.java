package cn.shuangyong.platform.security;

import cn.shuangyong.platform.database.DatabaseLogin;
import cn.shuangyong.platform.database.DedicatedConnection;
import cn.shuangyong.platform.kv.KeyValueStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unexpired revocation, held in this node's memory, so that checking a token never waits for
 * anything (it runs on the web server's event loop) and never trusts a store that may have lost a
 * write.
 *
 * <p>PostgreSQL is the truth: {@link TokenService} commits a revocation there first, then records
 * it here (this node refuses the token at once) and publishes it on the shared store (the other
 * nodes refuse it within milliseconds while Redis answers). Whatever Redis does (down, frozen,
 * refusing writes, failed over without the write), each node also reads what was revoked since its
 * last round from PostgreSQL every {@code shuangyong.security.revocation-poll-interval} (1 s): by
 * the id of the writing transaction, so a late commit is never skipped (see the migration {@code
 * V2026_12_01_1350}).
 *
 * <p><b>Worst case</b>: a node accepts a token revoked on another node for at most {@code
 * shuangyong.security.revocation-max-staleness} (3 s) after the revocation's commit. When its last
 * successful round started longer ago than that (PostgreSQL away or silent, the poll stuck), the
 * node cannot vouch for any token and {@link #verdict} answers {@link Verdict#UNSURE}: the request
 * is answered 503 with Retry-After, never let in. Staleness is measured on the monotonic {@link
 * System#nanoTime()} (an interval, not a date: the injected clock, which tests may move, decides
 * only when a revocation has expired).
 */
@Singleton
public class RevocationList {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);
  static final String CHANNEL = "token:revocations";

  /** What this node can say of a token id. */
  public enum Verdict {
    VALID,
    REVOKED,
    /** The list may miss a revocation: it was not brought up to date recently enough. */
    UNSURE
  }

  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  private final DedicatedConnection database;
  private final KeyValueStore store;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration maxStaleness;
  private final ScheduledExecutorService poller;
  private final java.util.function.Consumer<String> listener = this::heard;

  /** Transactions from this id on may not have been read yet (the last round's snapshot xmin). */
  private long watermark;

  private volatile long upToDateSince;
  private volatile boolean everUpToDate;
  private volatile boolean failing;
  private volatile boolean subscribed;

  public RevocationList(
      DatabaseLogin login,
      KeyValueStore store,
      Clock clock,
      @Value("${shuangyong.security.revocation-poll-interval:1s}") Duration pollInterval,
      @Value("${shuangyong.security.revocation-max-staleness:3s}") Duration maxStaleness) {
    // a connection of its own: the list stays up to date while the pools are exhausted, and is
    // again within a round of the database's return (a pool may back off for seconds)
    this.database =
        new DedicatedConnection(
            login,
            "shuangyong-revocations",
            pollInterval.multipliedBy(2),
            pollInterval.multipliedBy(3),
            "-c statement_timeout=" + Math.max(1, pollInterval.toMillis()));
    this.store = store;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.maxStaleness = maxStaleness;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "revocation-poll");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Loads the list before the node serves, then keeps it up to date. */
  @EventListener
  void onStartup(StartupEvent event) {
    poll();
    poller.scheduleWithFixedDelay(
        this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
    synchronized (this) {
      database.close();
    }
  }

  /** Whether {@code jti} was revoked, from memory: never blocks. */
  public Verdict verdict(String jti) {
    if (revoked.containsKey(jti)) {
      return Verdict.REVOKED;
    }
    return upToDate() ? Verdict.VALID : Verdict.UNSURE;
  }

  /** The worst-case delay before another node refuses a token revoked here. */
  public Duration maxStaleness() {
    return maxStaleness;
  }

  /**
   * A revocation committed to PostgreSQL by this node: refused here at once, told to the others.
   */
  void record(String jti, Instant expiresAt) {
    revoked.put(jti, expiresAt);
    store.publish(CHANNEL, jti + " " + expiresAt.toEpochMilli());
  }

  private boolean upToDate() {
    return everUpToDate && System.nanoTime() - upToDateSince <= maxStaleness.toNanos();
  }

  /** A revocation published by another node (on the store's thread: a map write, nothing more). */
  private void heard(String message) {
    int space = message.indexOf(' ');
    if (space <= 0) {
      return;
    }
    try {
      revoked.put(
          message.substring(0, space),
          Instant.ofEpochMilli(Long.parseLong(message.substring(space + 1))));
    } catch (NumberFormatException e) {
      LOG.warn("ignoring a malformed revocation message on {}", CHANNEL);
    }
  }

  /**
   * One round: what was revoked since the last round's snapshot, and the snapshot's xmin as the
   * next watermark (every transaction below it has ended, so none of them can commit a revocation
   * later). Bounded by a statement timeout; a failed round leaves the list as it was, and once the
   * last good round is older than the staleness limit, {@link #verdict} answers UNSURE.
   */
  synchronized void poll() {
    long started = System.nanoTime();
    if (!subscribed) {
      subscribed = store.subscribe(CHANNEL, listener);
    }
    try {
      Instant now = clock.instant();
      long next = readSince(database.get(), now);
      watermark = next;
      revoked.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
      upToDateSince = started;
      everUpToDate = true;
      if (failing) {
        failing = false;
        LOG.info("revocations are read from PostgreSQL again");
      }
    } catch (SQLException | RuntimeException e) {
      database.close();
      if (!failing) {
        failing = true;
        LOG.warn(
            "cannot read the revocations from PostgreSQL ({}): tokens are refused with 503 {} after"
                + " the last good round",
            e.getMessage(),
            maxStaleness);
      }
    }
  }

  private long readSince(Connection connection, Instant now) throws SQLException {
    // one statement in autocommit: the snapshot it reads is the snapshot whose xmin it returns
    try (PreparedStatement select =
        connection.prepareStatement(
            "select pg_snapshot_xmin(pg_current_snapshot())::text, r.jti, r.expires_at"
                + " from (select 1) as round left join revoked_token r"
                + " on r.revoked_xid >= ?::text::xid8 and r.expires_at > ?")) {
      select.setString(1, Long.toString(watermark));
      select.setTimestamp(2, Timestamp.from(now));
      long xmin = watermark;
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          xmin = Long.parseLong(rs.getString(1));
          String jti = rs.getString(2);
          if (jti != null) {
            revoked.put(jti, rs.getTimestamp(3).toInstant());
          }
        }
      }
      return xmin;
    }
  }
}
