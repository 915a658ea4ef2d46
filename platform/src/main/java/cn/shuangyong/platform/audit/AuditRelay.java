package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the tenants' audit entries ({@link TenantAudit}) into the platform trail: right after the
 * change commits, on the node that made it (so the trail lags by milliseconds), and by a sweep over
 * every active tenant every {@code shuangyong.audit.sweep-interval} (1 minute) for what a failed
 * copy or a dead node left behind. Each entry lands in the trail once (keyed by tenant and its id
 * in the tenant), with the time of the change; the sweep deletes it from the tenant only after the
 * platform copy has committed, so a crash in between only repeats a copy that is then skipped.
 */
@Singleton
public class AuditRelay {
  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(AuditRelay.class);

  private final AuditLog audit;
  private final TenantJobs jobs;
  private final TenantScope scope;
  private final JdbcOperations tenantJdbc;

  AuditRelay(
      AuditLog audit,
      TenantJobs jobs,
      TenantScope scope,
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations tenantJdbc) {
    this.audit = audit;
    this.jobs = jobs;
    this.scope = scope;
    this.tenantJdbc = tenantJdbc;
  }

  @Scheduled(
      fixedDelay = "${shuangyong.audit.sweep-interval:1m}",
      initialDelay = "${shuangyong.audit.sweep-interval:1m}")
  void everyInterval() {
    if (jobs.scheduled()) {
      sweep();
    }
  }

  /**
   * Copies entries whose tenant transaction has just committed. Never throws: the change is
   * committed and its entry kept in the tenant, so a failure here (the platform pool away) only
   * leaves the copy to the sweep; the caller still gets its answer. Runs outside the finished
   * tenant transaction's context, so the platform write is a transaction of its own.
   */
  void copyAfterCommit(String tenant, List<AuditLog.Copied> entries) {
    try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
      audit.copy(tenant, entries);
    } catch (RuntimeException e) {
      LOG.warn(
          "audit entries of tenant {} stay in its outbox until the sweep: {}",
          tenant,
          e.toString());
    }
  }

  /** One round over every active tenant; answers how many entries were moved to the trail. */
  public TenantJobs.Round sweep() {
    return jobs.forEachActiveTenant("audit sweep", this::sweep);
  }

  private int sweep(TenantContext tenant) {
    int moved = 0;
    List<AuditLog.Copied> pending;
    do {
      pending = scope.read(tenant, () -> tenantJdbc.execute(c -> pending(c, tenant)));
      if (pending.isEmpty()) {
        break;
      }
      Set<Long> copied = audit.copy(tenant.code().value(), pending);
      scope.write(tenant, () -> tenantJdbc.execute(c -> delete(c, copied)));
      moved += copied.size();
    } while (pending.size() == BATCH);
    return moved;
  }

  private static List<AuditLog.Copied> pending(Connection c, TenantContext tenant)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "select id, at, username, action, target, result, ip, detail from audit_outbox"
                + " order by id limit "
                + BATCH)) {
      List<AuditLog.Copied> entries = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new AuditLog.Copied(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  new AuditLog.Entry(
                      rs.getString(3),
                      tenant.code().value(),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8))));
        }
      }
      return entries;
    }
  }

  private static int delete(Connection c, Set<Long> ids) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("delete from audit_outbox where id = any(?)")) {
      delete.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
      return delete.executeUpdate();
    }
  }
}
