package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Bundle labels, badges and date formats of the 双清单, shared by the needs views. */
final class NeedLabels {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private NeedLabels() {}

  /** The label of an enum value under {@code needs.<group>.<NAME>}; empty for null. */
  static String of(Component component, String group, Enum<?> value) {
    return value == null ? "" : component.getTranslation("needs." + group + "." + value.name());
  }

  static String date(LocalDate date) {
    return date == null ? "—" : date.toString();
  }

  static String dateTime(Instant at) {
    return at == null ? "—" : DATE_TIME.format(at.atZone(ChinaTime.ZONE));
  }

  /** The status as a Lumo badge: green when done, red when refused, blue while being worked. */
  static Span statusBadge(Component component, Status status) {
    Span badge = new Span(of(component, "status", status));
    String theme =
        switch (status) {
          case SUBMITTED -> "badge contrast";
          case ACCEPTED, IN_PROGRESS -> "badge";
          case COMPLETED, CLOSED -> "badge success";
          case REJECTED -> "badge error";
        };
    badge.getElement().getThemeList().add(theme);
    badge.addClassName("need-status");
    return badge;
  }

  /** A red "overdue" badge, or null when the need is on time. */
  static Span overdueBadge(Component component, Need need) {
    if (!need.overdue()) {
      return null;
    }
    Span badge = new Span(component.getTranslation("needs.overdue"));
    badge.getElement().getThemeList().add("badge error primary small");
    return badge;
  }
}
