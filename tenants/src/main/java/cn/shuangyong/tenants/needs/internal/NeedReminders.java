package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.notifications.api.Audience;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.tenants.notifications.api.Subject;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
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

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final NeedService needs;
  private final NeedStore store;
  private final NotificationService notifications;

  public NeedReminders(
      TenantJobs jobs,
      TenantScope scope,
      NeedService needs,
      NeedStore store,
      NotificationService notifications) {
    this.jobs = jobs;
    this.scope = scope;
    this.needs = needs;
    this.store = store;
    this.notifications = notifications;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "2m")
  void hourly() {
    if (jobs.scheduled()) {
      remindAll();
    }
  }

  /** Runs the reminders of every active tenant; one tenant's failure does not stop the others. */
  public int remindAll() {
    return jobs.forEachActiveTenant("need reminders", tenant -> scope.write(tenant, this::remind))
        .done();
  }

  private int remind() {
    LocalDate today = needs.today();
    List<Need> due = store.dueBy(today.plusDays(DAYS_BEFORE), today);
    int sent = 0;
    for (Need need : due) {
      String kind = need.overdue() ? "OVERDUE" : "DUE_SOON";
      Audience assignee = NeedNotices.assignee(need);
      for (Audience audience :
          assignee == null ? List.of(Audience.OFFICE) : List.of(assignee, Audience.OFFICE)) {
        notifications.notify(
            audience,
            kind,
            new Subject(Subject.NEED, need.id()),
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
