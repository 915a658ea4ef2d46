package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseLimits;
import cn.shuangyong.platform.database.DatabaseTrouble;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work inside one tenant. Every transaction starts with {@code SET LOCAL ROLE <tenant role>}
 * and {@code SET LOCAL search_path = t_<code>}: both end with the transaction, so a pooled
 * connection never keeps a tenant, and while it runs the connection can reach nothing but that
 * tenant's schema (the database refuses anything else with "permission denied"). Repositories and
 * the {@code JdbcOperations} of tenant features use the {@code tenant} data source and take the
 * connection of this transaction, so they only work inside this scope; the work itself never sees a
 * connection.
 *
 * <p>The same opening statement bounds the transaction: {@code SET LOCAL statement_timeout} and
 * {@code lock_timeout} ({@code shuangyong.db.statement-timeout}, {@code lock-timeout}), so a write
 * behind a stuck lock or a runaway query ends instead of holding a connection. Each tenant gets at
 * most its share of the pool at once ({@link TenantShares}: one city's stuck transactions never
 * take the others' connections). When the database is away, the pool exhausted or a timeout hit,
 * the work ends with a 503 problem with {@code Retry-After} ({@link DatabaseTrouble}), never a 500.
 */
@Singleton
public class TenantScope {
  private static final Logger LOG = LoggerFactory.getLogger(TenantScope.class);

  private final TransactionOperations<Connection> transactions;
  private final TenantShares shares;
  private final String limitsStatement;

  TenantScope(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
          TransactionOperations<Connection> transactions,
      TenantShares shares,
      DatabaseLimits limits) {
    this.transactions = transactions;
    this.shares = shares;
    this.limitsStatement =
        "; set local statement_timeout = "
            + limits.statementTimeout().toMillis()
            + "; set local lock_timeout = "
            + limits.lockTimeout().toMillis();
  }

  public <T> T read(TenantContext tenant, Supplier<T> work) {
    return run(tenant, work, true);
  }

  /** A change: refused (403) for a caller that only oversees the tenant. */
  public <T> T write(TenantContext tenant, Supplier<T> work) {
    if (tenant.readOnly()) {
      throw ProblemException.forbidden();
    }
    return run(tenant, work, false);
  }

  /**
   * A change that overseers may make too (a supervisor's 督办 note): the caller's role decides, which
   * the service checks before calling this.
   */
  public <T> T oversee(TenantContext tenant, Supplier<T> work) {
    return run(tenant, work, false);
  }

  /** The tenant whose transaction the current code runs in, if any. */
  public static Optional<TenantContext> current() {
    return PropagatedContext.getOrEmpty().find(ActiveTenant.class).map(ActiveTenant::tenant);
  }

  private <T> T run(TenantContext tenant, Supplier<T> work, boolean readOnly) {
    Optional<TenantContext> active = current();
    if (active.isPresent() && !active.get().equals(tenant)) {
      throw new IllegalStateException(
          "refusing to enter " + tenant + " inside a transaction of " + active.get());
    }
    if (active.isPresent()) {
      // joins the surrounding transaction of the same tenant: its place in the share is enough
      return transact(tenant, work, readOnly);
    }
    try (TenantShares.Place ignored = shares.enter(tenant)) {
      return transact(tenant, work, readOnly);
    }
  }

  private <T> T transact(TenantContext tenant, Supplier<T> work, boolean readOnly) {
    // the first failure inside the transaction: a broken connection then also fails the cleanup,
    // whose exception replaces the first one on the way out
    AtomicReference<DatabaseTrouble> inside = new AtomicReference<>();
    try (PropagatedContext.Scope ignored =
        PropagatedContext.getOrEmpty().plus(new ActiveTenant(tenant)).propagate()) {
      return readOnly
          ? transactions.executeRead(status -> enterAndRun(status, tenant, work, inside))
          : transactions.executeWrite(status -> enterAndRun(status, tenant, work, inside));
    } catch (RuntimeException failure) {
      Optional<DatabaseTrouble> trouble =
          Optional.ofNullable(inside.get()).or(() -> DatabaseTrouble.of(failure));
      if (trouble.isEmpty()) {
        throw failure;
      }
      LOG.warn(
          "{}: {} ({})",
          tenant,
          trouble.get().messageKey(),
          String.valueOf(innermost(failure).getMessage()).replaceAll("\\p{Cntrl}", " "));
      throw trouble.get().problem();
    }
  }

  private <T> T enterAndRun(
      TransactionStatus<Connection> status,
      TenantContext tenant,
      Supplier<T> work,
      AtomicReference<DatabaseTrouble> trouble) {
    try {
      try (Statement statement = status.getConnection().createStatement()) {
        // identifiers come from a validated TenantCode and a validated role prefix; one round trip
        statement.execute(
            "set local role \""
                + tenant.databaseRole()
                + "\"; set local search_path = \""
                + tenant.schema()
                + "\""
                + limitsStatement);
      } catch (SQLException e) {
        throw new TenantDataAccessException(tenant, e);
      }
      return work.get();
    } catch (RuntimeException failure) {
      DatabaseTrouble.of(failure).ifPresent(trouble::set);
      throw failure;
    }
  }

  private static Throwable innermost(Throwable failure) {
    Throwable innermost = failure;
    for (int depth = 0; innermost.getCause() != null && depth < 32; depth++) {
      innermost = innermost.getCause();
    }
    return innermost;
  }

  private record ActiveTenant(TenantContext tenant) implements PropagatedContextElement {}
}
