package cn.shuangyong.platform.comparison;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Drains every tenant's outbox into the platform summary: the features named by the events that
 * arrived since the last round publish their indicators of the current year again, then the events
 * are marked published. A crash in between only repeats the refresh. Nightly, every feature of
 * every tenant is refreshed (overdue counts change with the date, not only with events).
 */
@Singleton
public class SummaryRelay {
  static final int BATCH = 1000;

  /** The unpublished events of a tenant: up to which id, and the features they name. */
  record Pending(long lastId, int count, Set<String> features) {}

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final JdbcOperations tenantJdbc;
  private final List<IndicatorSource> sources;
  private final TenantSummaries summaries;
  private final Clock clock;

  SummaryRelay(
      TenantJobs jobs,
      TenantScope scope,
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations tenantJdbc,
      List<IndicatorSource> sources,
      TenantSummaries summaries,
      Clock clock) {
    this.jobs = jobs;
    this.scope = scope;
    this.tenantJdbc = tenantJdbc;
    this.sources = sources;
    this.summaries = summaries;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1m", initialDelay = "30s")
  void everyMinute() {
    if (jobs.scheduled()) {
      relay();
    }
  }

  @Scheduled(cron = "0 30 2 * * *", zoneId = ChinaTime.ZONE_ID)
  void nightly() {
    if (jobs.scheduled()) {
      refreshAll();
    }
  }

  /** One round over every active tenant; answers how many events were relayed. */
  public TenantJobs.Round relay() {
    return jobs.forEachActiveTenant("summary relay", this::relay);
  }

  /** Every feature of every active tenant published anew. */
  public TenantJobs.Round refreshAll() {
    Set<String> all = sources.stream().map(IndicatorSource::feature).collect(Collectors.toSet());
    return jobs.forEachActiveTenant(
        "summary refresh",
        tenant -> {
          refresh(tenant, all);
          return 1;
        });
  }

  private int relay(TenantContext tenant) {
    Pending pending = scope.read(tenant, () -> tenantJdbc.execute(SummaryRelay::pending));
    if (pending.count() == 0) {
      return 0;
    }
    refresh(tenant, pending.features());
    scope.write(tenant, () -> tenantJdbc.execute(c -> markPublished(c, pending.lastId())));
    return pending.count();
  }

  private void refresh(TenantContext tenant, Set<String> features) {
    int year = Year.now(clock.withZone(ChinaTime.ZONE)).getValue();
    for (IndicatorSource source : sources) {
      if (features.contains(source.feature())) {
        summaries.put(tenant.code(), source.feature(), year, source.indicators(tenant, year));
      }
    }
  }

  private static Pending pending(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "select id, topic from outbox where published_at is null order by id limit " + BATCH)) {
      long lastId = 0;
      int count = 0;
      Set<String> features = new TreeSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          lastId = rows.getLong(1);
          count++;
          String topic = rows.getString(2);
          int dot = topic.indexOf('.');
          features.add(dot < 0 ? topic : topic.substring(0, dot));
        }
      }
      return new Pending(lastId, count, features);
    }
  }

  private static int markPublished(Connection c, long lastId) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "update outbox set published_at = now() where published_at is null and id <= ?")) {
      update.setLong(1, lastId);
      return update.executeUpdate();
    }
  }
}
