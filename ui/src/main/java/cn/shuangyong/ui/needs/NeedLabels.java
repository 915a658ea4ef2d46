package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Bundle labels, badges and date formats of the 双清单, shared by the needs views. */
final class NeedLabels {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private NeedLabels() {}

  /** The label of an enum value under {@code needs.<group>.<NAME>}; empty for null. */
  static String of(Component component, String group, Enum<?> value) {
    return value == null ? "" : component.getTranslation("needs." + group + "." + value.name());
  }

  /**
   * The {@code status} of a link's query (a status name, case ignored); empty when absent or
   * unknown.
   */
  static Optional<Status> statusParameter(QueryParameters parameters) {
    return parameters
        .getSingleParameter("status")
        .flatMap(
            name -> {
              try {
                return Optional.of(Status.valueOf(name.toUpperCase(Locale.ROOT)));
              } catch (IllegalArgumentException unknown) {
                return Optional.empty();
              }
            });
  }

  static String date(LocalDate date) {
    return date == null ? "—" : date.toString();
  }

  /** The day of {@code at} in China, or null. */
  static LocalDate day(Instant at) {
    return at == null ? null : at.atZone(ChinaTime.ZONE).toLocalDate();
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
          case WITHDRAWN -> "badge contrast";
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
