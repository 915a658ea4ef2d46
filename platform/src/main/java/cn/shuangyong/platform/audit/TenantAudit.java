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
    AuditLog.Entry entry =
        audit.addressed(
            new AuditLog.Entry(
                context.caller().username(),
                context.code().value(),
                action,
                target,
                "SUCCESS",
                null,
                detail));
    long id = keep(status.getConnection(), at, entry);
    AuditLog.Copied copy = new AuditLog.Copied(id, at, entry);
    status.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.copyAfterCommit(context.code().value(), List.of(copy));
          }
        });
  }

  private static long keep(Connection connection, Instant at, AuditLog.Entry entry) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_outbox (at, username, action, target, result, ip, detail)"
                + " values (?, ?, ?, ?, ?, ?, ?) returning id")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, entry.user());
      insert.setString(3, entry.action());
      insert.setString(4, entry.target());
      insert.setString(5, entry.result());
      insert.setString(6, entry.ip());
      insert.setString(7, entry.detail());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not keep the audit entry " + entry.action(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static TransactionStatus<Connection> connectionStatus(TransactionStatus<?> status) {
    return (TransactionStatus<Connection>) status;
  }
}
