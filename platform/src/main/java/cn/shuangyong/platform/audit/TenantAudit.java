package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit entry of a tenant's change, written to the tenant's own {@code audit_outbox} inside the
 * change's transaction: it commits with the change or not at all, so neither a lost commit answer
 * nor a node dying after commit leaves a change without its entry, and a rolled back change leaves
 * none. After commit, {@link AuditRelay} copies it into the platform trail ({@link AuditLog}, which
 * keeps the hash chain); the relay's periodic sweep copies what a failed copy or a dead node left
 * behind. A tenant transaction never writes the platform schema (design.md).
 */
@Singleton
public class TenantAudit {
  private final TransactionOperations<Connection> transactions;
  private final AuditRelay relay;
  private final AuditLog audit;
  private final Clock clock;
  private final AuditChanges changes;

  TenantAudit(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
          TransactionOperations<Connection> transactions,
      AuditRelay relay,
      AuditLog audit,
      Clock clock,
      AuditChanges changes) {
    this.changes = changes;
    this.transactions = transactions;
    this.relay = relay;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records that the context's caller changed {@code target} from {@code before} to {@code after}
   * (records or maps of fields; {@code before} null for a creation, {@code after} null for a
   * deletion), personal data masked ({@link AuditChanges}). Call inside {@code
   * TenantScope.write/oversee} of that same context, after the change itself.
   */
  public void record(
      TenantContext context,
      String action,
      @Nullable String target,
      @Nullable Object before,
      @Nullable Object after,
      @Nullable String note) {
    record(context, action, target, changes.detail(before, after, note));
  }

  /** The change without a note. */
  public void record(
      TenantContext context,
      String action,
      @Nullable String target,
      @Nullable Object before,
      @Nullable Object after) {
    record(context, action, target, before, after, null);
  }

  /**
   * Records that the context's caller did {@code action} on {@code target} (SUCCESS). Call inside
   * {@code TenantScope.write/oversee} of that same context, after the change itself.
   */
  public void record(
      TenantContext context, String action, @Nullable String target, @Nullable String detail) {
    recordAll(context, action, List.of(new Change(target, detail)));
  }

  /** One entry of a change that {@link #recordAll} records among many: its target and detail. */
  public record Change(@Nullable String target, @Nullable String detail) {}

  /**
   * Records that the context's caller did {@code action} on each target (SUCCESS), one entry each:
   * kept in one batch and copied to the platform trail after commit together (an import of
   * thousands of rows, audited row by row). Call inside {@code TenantScope.write/oversee} of that
   * same context, after the change itself.
   */
  public void recordAll(TenantContext context, String action, List<Change> targets) {
    if (targets.isEmpty()) {
      return;
    }
    TenantContext active =
        TenantScope.current()
            .orElseThrow(() -> new IllegalStateException("audit inside a tenant transaction"));
    if (!active.equals(context)) {
      throw new IllegalStateException("audit of " + context + " inside a transaction of " + active);
    }
    TransactionStatus<Connection> status =
        transactions
            .findTransactionStatus()
            .map(TenantAudit::connectionStatus)
            .orElseThrow(() -> new IllegalStateException("audit inside a tenant transaction"));
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<AuditLog.Entry> entries = new ArrayList<>();
    for (Change change : targets) {
      entries.add(
          audit.addressed(
              new AuditLog.Entry(
                  context.caller().username(),
                  context.code().value(),
                  action,
                  change.target(),
                  "SUCCESS",
                  null,
                  change.detail())));
    }
    List<Long> ids = keep(status.getConnection(), at, entries);
    List<AuditLog.Copied> copies = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      copies.add(new AuditLog.Copied(ids.get(i), at, entries.get(i)));
    }
    status.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.copyAfterCommit(context.code().value(), copies);
          }
        });
  }

  /** The entries in the outbox, in one batch; their ids in the same order. */
  private static List<Long> keep(Connection connection, Instant at, List<AuditLog.Entry> entries) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_outbox (at, username, action, target, result, ip, detail)"
                + " values (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      for (AuditLog.Entry entry : entries) {
        insert.setTimestamp(1, Timestamp.from(at));
        insert.setString(2, entry.user());
        insert.setString(3, entry.action());
        insert.setString(4, entry.target());
        insert.setString(5, entry.result());
        insert.setString(6, entry.ip());
        insert.setString(7, entry.detail());
        insert.addBatch();
      }
      insert.executeBatch();
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = insert.getGeneratedKeys()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      if (ids.size() != entries.size()) {
        throw new IllegalStateException(
            "kept " + ids.size() + " of " + entries.size() + " audit entries");
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not keep the audit entries " + entries.get(0).action(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static TransactionStatus<Connection> connectionStatus(TransactionStatus<?> status) {
    return (TransactionStatus<Connection>) status;
  }
}
