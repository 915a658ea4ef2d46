package cn.shuangyong.tenants.projects.api;

import static cn.shuangyong.platform.sheets.CellValue.choice;
import static cn.shuangyong.platform.sheets.CellValue.label;
import static cn.shuangyong.platform.sheets.CellValue.text;

import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.SheetDefinition;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * The projects' sheets, declared once: {@link #DEFINITION} is the list's Excel export and the
 * yearly 军地互办实事 report's table (printed and in Excel), every unit and need by name, the budget as
 * an exact decimal cell; {@link #TOTALS} is the report's totals per status and per funding source.
 * Headers and values are the UI's own bundle keys.
 */
public final class ProjectSheet {
  public static final SheetDefinition<Project> DEFINITION =
      SheetDefinition.<Project>builder("projects.sheet")
          .rowNumber("projects.number")
          .exported("projects.name", 30, project -> text(project.name()))
          .exported("projects.category", 12, project -> text(project.category()))
          .exported("projects.garrison-units", 24, ProjectSheet::garrisonUnits)
          .exported("projects.responsible-unit", 20, project -> text(project.responsibleUnitName()))
          .exported("projects.budget", 16, project -> CellValue.money(project.budget()))
          .exported(
              "projects.funding-source",
              10,
              project -> choice("projects.funding-source", project.fundingSource()))
          .exported("projects.planned-start", 12, project -> CellValue.day(project.plannedStart()))
          .exported("projects.planned-end", 12, project -> CellValue.day(project.plannedEnd()))
          .exported("projects.status", 16, ProjectSheet::status)
          .exported(
              "projects.progress",
              8,
              project -> label("projects.progress.cell", project.progress()))
          .exported("projects.needs-fulfilled", 30, ProjectSheet::needs)
          .build();

  /** One line of the report's totals: a status or funding source (or all), count and budget. */
  public record TotalRow(CellValue group, long count, BigDecimal budget, long needsFulfilled) {}

  public static final SheetDefinition<TotalRow> TOTALS =
      SheetDefinition.<TotalRow>builder("projects.report.totals")
          .exported("projects.report.group", 24, TotalRow::group)
          .exported("projects.report.count", 10, row -> CellValue.whole(row.count()))
          .exported("projects.report.budget", 16, row -> CellValue.money(row.budget()))
          .exported(
              "projects.report.needs-fulfilled", 14, row -> CellValue.whole(row.needsFulfilled()))
          .build();

  private ProjectSheet() {}

  /** The list's title: "2026 年度拥军项目", or "拥军项目" over every year. */
  public static CellValue listTitle(@Nullable Integer year) {
    return year == null
        ? label("projects.list.title")
        : label("projects.list.title.year", String.valueOf(year));
  }

  /** The report's title, e.g. "2026 年度军地互办实事". */
  public static CellValue reportTitle(int year) {
    return label("projects.report.title", String.valueOf(year));
  }

  static CellValue garrisonUnits(Project project) {
    return text(
        String.join("、", project.garrisonUnits().stream().map(Project.UnitName::name).toList()));
  }

  static CellValue needs(Project project) {
    return text(String.join("；", project.needs().stream().map(Project.NeedName::title).toList()));
  }

  static CellValue status(Project project) {
    CellValue status = choice("projects.status", project.status());
    return project.overdueMilestones() > 0
        ? label(
            "projects.status.with-overdue",
            status,
            label("projects.overdue-milestones", project.overdueMilestones()))
        : status;
  }
}
