package cn.shuangyong.tenants.projects.api;

import static cn.shuangyong.platform.sheets.CellValue.choice;
import static cn.shuangyong.platform.sheets.CellValue.label;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.PrintableSheet;
import cn.shuangyong.platform.sheets.SheetPart;
import cn.shuangyong.platform.sheets.SheetPrinter;
import cn.shuangyong.platform.sheets.SheetSection;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.projects.api.ProjectSheet.TotalRow;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The projects as sheets, from {@link ProjectSheet}: the list with its filters as an Excel
 * workbook, and the yearly 军地互办实事 report as data ({@link ProjectReport}), as the printable page and
 * as Excel (the projects, then a worksheet of totals per status and one per funding source). Each
 * holds only the projects the caller may see, as the list does.
 */
@Singleton
public class ProjectExport {
  private static final int PAGE = 200;

  private final ProjectService projects;
  private final ExcelWriter excel;
  private final SheetPrinter printer;

  public ProjectExport(ProjectService projects, ExcelWriter excel, SheetPrinter printer) {
    this.projects = projects;
    this.excel = excel;
    this.printer = printer;
  }

  /** The list as filtered on screen (or by the API's filters), oldest first. */
  public byte[] workbook(TenantContext context, ProjectQuery query, Locale locale) {
    return excel.write(
        ProjectSheet.DEFINITION,
        List.of(
            new SheetSection<>(ProjectSheet.listTitle(query.year()), all(context, query, "id"))),
        locale);
  }

  /** The year's report: its projects by planned start, and the totals. */
  public ProjectReport report(TenantContext context, int year) {
    return ProjectReport.of(
        year, all(context, new ProjectQuery(null, year, null, null, null), "plannedStart"));
  }

  public byte[] reportWorkbook(TenantContext context, int year, Locale locale) {
    ProjectReport report = report(context, year);
    return excel.write(
        List.of(
            new SheetPart<>(
                ProjectSheet.DEFINITION,
                List.of(new SheetSection<>(ProjectSheet.reportTitle(year), report.projects()))),
            new SheetPart<>(ProjectSheet.TOTALS, totals(report))),
        locale);
  }

  /** The report ready to print: its title, the projects' table and the totals' tables. */
  public record PrintableReport(String title, PrintableSheet projects, PrintableSheet totals) {}

  public PrintableReport printableReport(TenantContext context, int year, Locale locale) {
    ProjectReport report = report(context, year);
    PrintableSheet table =
        printer.print(
            ProjectSheet.DEFINITION,
            List.of(new SheetSection<>(ProjectSheet.reportTitle(year), report.projects())),
            locale);
    return new PrintableReport(
        table.sections().get(0).title(),
        table,
        printer.print(ProjectSheet.TOTALS, totals(report), locale));
  }

  /** Per status, then per funding source, each closed by the line of all projects. */
  private static List<SheetSection<TotalRow>> totals(ProjectReport report) {
    List<TotalRow> byStatus = new ArrayList<>();
    report
        .byStatus()
        .forEach(
            t ->
                byStatus.add(
                    new TotalRow(
                        choice("projects.status", t.status()),
                        t.count(),
                        t.budget(),
                        t.needsFulfilled())));
    List<TotalRow> byFunding = new ArrayList<>();
    report
        .byFundingSource()
        .forEach(
            t ->
                byFunding.add(
                    new TotalRow(
                        choice("projects.funding-source", t.fundingSource()),
                        t.count(),
                        t.budget(),
                        t.needsFulfilled())));
    TotalRow all =
        new TotalRow(
            label("projects.report.total"),
            report.total().count(),
            report.total().budget(),
            report.total().needsFulfilled());
    byStatus.add(all);
    byFunding.add(all);
    return List.of(
        new SheetSection<>(label("projects.report.by-status"), byStatus),
        new SheetSection<>(label("projects.report.by-funding-source"), byFunding));
  }

  private List<Project> all(TenantContext context, ProjectQuery query, @Nullable String sortBy) {
    List<Project> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Project> page = projects.list(context, query, offset, PAGE, sortBy, true).items();
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }
}
