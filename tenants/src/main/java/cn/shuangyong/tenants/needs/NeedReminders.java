package cn.shuangyong.tenants.needs;

import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.tenants.notifications.Audience;
import cn.shuangyong.tenants.notifications.NotificationService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds the assigned unit and the office of needs due within {@value #DAYS_BEFORE} days and of
 * overdue needs, once per need, deadline and audience; runs hourly for every active tenant.
 */
@Singleton
public class NeedReminders {
  static final int DAYS_BEFORE = 3;
  private static final Logger LOG = LoggerFactory.getLogger(NeedReminders.class);

  private final TenantDirectory directory;
  private final TenantScope scope;
  private final NeedService needs;
  private final NotificationService notifications;

  public NeedReminders(
      TenantDirectory directory,
      TenantScope scope,
      NeedService needs,
      NotificationService notifications) {
    this.directory = directory;
    this.scope = scope;
    this.needs = needs;
    this.notifications = notifications;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "2m")
  void hourly() {
    remindAll();
  }

  /** Runs the reminders of every active tenant; one tenant's failure does not stop the others. */
  public int remindAll() {
    int sent = 0;
    for (Tenant tenant : directory.allTenants()) {
      if (tenant.status() != TenantStatus.ACTIVE) {
        continue;
      }
      try {
        TenantContext context = directory.enterForJob(tenant.tenantCode(), "need reminders");
        sent += scope.write(context, this::remind);
      } catch (RuntimeException e) {
        LOG.error("need reminders failed for tenant {}: {}", tenant.code(), e.getMessage());
      }
    }
    return sent;
  }

  private int remind(Connection c) throws SQLException {
    LocalDate today = needs.today();
    List<Need> due =
        Jdbc.list(
            c,
            "select "
                + NeedStore.NEED_COLUMNS
                + ", c.name as category_name, null as garrison_unit_name,"
                + " null as responsible_unit_name from need n join need_category c"
                + " on c.id = n.category_id where n.deadline <= ?"
                + " and n.status in ('ACCEPTED', 'IN_PROGRESS')",
            row -> NeedStore.map(row, today),
            today.plusDays(DAYS_BEFORE));
    int sent = 0;
    for (Need need : due) {
      String kind = need.overdue() ? "OVERDUE" : "DUE_SOON";
      Audience assignee = NeedNotices.assignee(need);
      for (Audience audience :
          assignee == null ? List.of(Audience.OFFICE) : List.of(assignee, Audience.OFFICE)) {
        notifications.notify(
            c,
            audience,
            kind,
            need.id(),
            List.of(need.title(), String.valueOf(need.deadline())),
            kind
                + ":"
                + need.id()
                + ":"
                + need.deadline()
                + ":"
                + audience.kind()
                + ":"
                + audience.unitId());
        sent++;
      }
    }
    return sent;
  }
}
