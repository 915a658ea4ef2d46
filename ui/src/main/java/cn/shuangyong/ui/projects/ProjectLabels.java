package cn.shuangyong.ui.projects;

import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The words and small components the project screens share: status badges, progress, money. */
final class ProjectLabels {
  private ProjectLabels() {}

  static String of(Component view, String kind, Enum<?> value) {
    return view.getTranslation("projects." + kind + "." + value.name());
  }

  static Span statusBadge(Component view, Status status) {
    Span badge = new Span(of(view, "status", status));
    String theme =
        switch (status) {
          case PLANNED -> "badge contrast";
          case IN_PROGRESS -> "badge";
          case DONE -> "badge success";
          case CANCELLED -> "badge error";
        };
    badge.getElement().getThemeList().add(theme);
    badge.addClassName("project-status");
    return badge;
  }

  /** The progress bar with its figure and where it comes from (entered or from milestones). */
  static Component progress(Component view, Project project) {
    ProgressBar bar = new ProgressBar(0, 100, project.progress());
    bar.setWidth("8em");
    bar.getElement().setAttribute("aria-label", view.getTranslation("projects.progress"));
    Span figure =
        new Span(
            view.getTranslation(
                "projects.progress.value",
                project.progress(),
                of(view, "progress-source", project.progressSource())));
    figure.addClassNames(
        "project-progress-value", LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Div both = new Div(bar, figure);
    both.addClassNames(
        "project-progress", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
    return both;
  }

  /** ¥3,500,000.00: grouped by thousands, always two decimals (the same in Chinese and English). */
  static String money(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "¥" + format.format(amount);
  }

  static String unitNames(Project project) {
    return String.join("、", project.garrisonUnits().stream().map(Project.UnitName::name).toList());
  }
}
