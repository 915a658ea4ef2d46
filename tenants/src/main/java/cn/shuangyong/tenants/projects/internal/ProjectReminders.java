package cn.shuangyong.tenants.projects.internal;

import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.notifications.api.Audience;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.tenants.notifications.api.Subject;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.projects.api.ProjectTypes;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Late milestones are overdue like needs: each milestone of an open project past its due date and
 * not completed reaches the responsible unit's handlers and the office through the bell, once per
 * milestone, due date and audience (a new due date is a new notice). Runs hourly for every active
 * tenant, like the needs' reminders.
 */
@Singleton
public class ProjectReminders {
  static final String KIND = "MILESTONE_OVERDUE";

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final ProjectService projects;
  private final ProjectStore store;
  private final NotificationService notifications;

  public ProjectReminders(
      TenantJobs jobs,
      TenantScope scope,
      ProjectService projects,
      ProjectStore store,
      NotificationService notifications) {
    this.jobs = jobs;
    this.scope = scope;
    this.projects = projects;
    this.store = store;
    this.notifications = notifications;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "3m")
  void hourly() {
    if (jobs.scheduled()) {
      remindAll();
    }
  }

  /** Runs the reminders of every active tenant; one tenant's failure does not stop the others. */
  public int remindAll() {
    return jobs.forEachActiveTenant(
            "project milestone reminders", tenant -> scope.write(tenant, this::remind))
        .done();
  }

  private int remind() {
    int sent = 0;
    for (ProjectStore.LateMilestone late : store.lateMilestones(projects.today())) {
      for (Audience audience :
          List.of(Audience.responsibleUnit(late.responsibleUnitId()), Audience.OFFICE)) {
        notifications.notify(
            audience,
            KIND,
            new Subject(ProjectTypes.SUBJECT, late.projectId()),
            List.of(late.projectName(), late.title(), late.dueDate().toString()),
            KIND
                + ":"
                + late.milestoneId()
                + ":"
                + late.dueDate()
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
