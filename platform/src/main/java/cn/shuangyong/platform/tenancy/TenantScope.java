package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs work inside one tenant. Every transaction starts with {@code SET LOCAL ROLE <tenant role>}
 * and {@code SET LOCAL search_path = t_<code>}: both end with the transaction, so a pooled
 * connection never keeps a tenant, and while it runs the connection can reach nothing but that
 * tenant's schema (the database refuses anything else with "permission denied"). Repositories and
 * the {@code JdbcOperations} of tenant features use the {@code tenant} data source and take the
 * connection of this transaction, so they only work inside this scope; the work itself never sees a
 * connection.
 */
@Singleton
public class TenantScope {
  private final TransactionOperations<Connection> transactions;

  public TenantScope(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE)
          TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
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
    try (PropagatedContext.Scope ignored =
        PropagatedContext.getOrEmpty().plus(new ActiveTenant(tenant)).propagate()) {
      return readOnly
          ? transactions.executeRead(status -> enterAndRun(status.getConnection(), tenant, work))
          : transactions.executeWrite(status -> enterAndRun(status.getConnection(), tenant, work));
    }
  }

  private static <T> T enterAndRun(Connection connection, TenantContext tenant, Supplier<T> work) {
    try (Statement statement = connection.createStatement()) {
      // identifiers come from a validated TenantCode and a validated role prefix
      statement.execute(
          "set local role \""
              + tenant.databaseRole()
              + "\"; set local search_path = \""
              + tenant.schema()
              + "\"");
    } catch (SQLException e) {
      throw new TenantDataAccessException(tenant, e);
    }
    return work.get();
  }

  private record ActiveTenant(TenantContext tenant) implements PropagatedContextElement {}
}
