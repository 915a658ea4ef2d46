package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.notifications.api.Audience;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.tenants.notifications.api.Subject;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/** Who hears of what happens to a need, written in the same tenant transaction. */
@Singleton
public class NeedNotices {
  private final NotificationService notifications;

  public NeedNotices(NotificationService notifications) {
    this.notifications = notifications;
  }

  public void after(Need need, Action action, @Nullable String note) {
    String title = need.title();
    switch (action) {
      case SUBMIT -> send(Audience.OFFICE, "SUBMITTED", need, title);
      case ACCEPT -> send(assignee(need), "ASSIGNED", need, title, String.valueOf(need.deadline()));
      case REJECT -> send(requester(need), "REJECTED", need, title, nullToEmpty(note));
      case COMPLETE -> send(requester(need), "COMPLETED", need, title);
      case REOPEN -> send(assignee(need), "REOPENED", need, title);
      case WITHDRAW -> send(Audience.OFFICE, "WITHDRAWN", need, title);
      case PROGRESS_ON_BEHALF ->
          send(assignee(need), "PROGRESS_ON_BEHALF", need, title, nullToEmpty(note));
      case COMPLETE_ON_BEHALF -> {
        send(requester(need), "COMPLETED", need, title);
        send(assignee(need), "COMPLETED_ON_BEHALF", need, title, nullToEmpty(note));
      }
      case SUPERVISE -> {
        send(Audience.OFFICE, "SUPERVISED", need, title, nullToEmpty(note));
        send(assignee(need), "SUPERVISED", need, title, nullToEmpty(note));
      }
      default -> {
        // progress reports notify nobody
      }
    }
  }

  /** Who does the work: the responsible unit (FOR_TROOPS) or the garrison unit (FOR_CIVILIANS). */
  static @Nullable Audience assignee(Need need) {
    if (need.direction() == Direction.FOR_TROOPS) {
      return need.responsibleUnitId() == null
          ? null
          : Audience.responsibleUnit(need.responsibleUnitId());
    }
    return need.garrisonUnitId() == null ? null : Audience.garrisonUnit(need.garrisonUnitId());
  }

  /** Who asked: the garrison unit (FOR_TROOPS) or the office (FOR_CIVILIANS). */
  static @Nullable Audience requester(Need need) {
    if (need.direction() == Direction.FOR_TROOPS) {
      return need.garrisonUnitId() == null ? null : Audience.garrisonUnit(need.garrisonUnitId());
    }
    return Audience.OFFICE;
  }

  private static String nullToEmpty(@Nullable String note) {
    return note == null ? "" : note;
  }

  private void send(@Nullable Audience audience, String kind, Need need, String... arguments) {
    if (audience != null) {
      notifications.notify(
          audience, kind, new Subject(Subject.NEED, need.id()), List.of(arguments), null);
    }
  }
}
