package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.ExcelReader;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.ImportField;
import cn.shuangyong.platform.sheets.ImportProgress;
import cn.shuangyong.platform.sheets.RowProblems;
import cn.shuangyong.platform.sheets.SheetRow;
import cn.shuangyong.platform.sheets.SheetRows;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions.Action;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Imports expenditures from the ledger's Excel sheet ({@link ExpenditureSheet}): all rows or none.
 * Each row is recorded by {@link BudgetService#record}'s own rules, in order, inside one tenant
 * transaction, so a row that takes its line past the budget (counting the rows above it) needs its
 * reason like one entered by hand; every bad row is reported with its number and reason, and then
 * the transaction rolls back and nothing is saved.
 */
@Singleton
public class ExpenditureImport {
  public static final long MAX_BYTES = ExcelReader.MAX_BYTES;

  /** A year's ledger of a busy office fits in one file (about 60 bytes a row when zipped). */
  public static final int MAX_ROWS = 20_000;

  private final TenantScope scope;
  private final BudgetService budgets;
  private final ExcelReader reader;
  private final ExcelWriter writer;
  private final TenantAudit audit;

  public ExpenditureImport(
      TenantScope scope,
      BudgetService budgets,
      ExcelReader reader,
      ExcelWriter writer,
      TenantAudit audit) {
    this.scope = scope;
    this.budgets = budgets;
    this.reader = reader;
    this.writer = writer;
    this.audit = audit;
  }

  /** The template in the caller's language: the header row and one example row. */
  public byte[] template(TenantContext context, Locale locale) {
    BudgetService.mayDo(context, Action.RECORD_EXPENDITURE);
    LocalDate today = budgets.today();
    Map<ImportField<?>, CellValue> example =
        Map.of(
            ExpenditureSheet.DATE, CellValue.day(today),
            ExpenditureSheet.CATEGORY, CellValue.text("慰问"),
            ExpenditureSheet.AMOUNT, CellValue.money(new BigDecimal("12000.00")),
            ExpenditureSheet.PAYEE, CellValue.label("expenditure.import.example.payee"),
            ExpenditureSheet.PURPOSE, CellValue.label("expenditure.import.example.purpose"));
    return writer.template(ExpenditureSheet.DEFINITION, example, locale);
  }

  /**
   * How many expenditures were imported. Every row is checked first (cells, then the budget's
   * rules, counting the rows above it), with each line locked and read once; when all pass they are
   * booked together in statements of many rows, each with its audit entry.
   */
  public int importLedger(TenantContext context, InputStream file, long size) {
    return importLedger(context, file, size, ImportProgress.none());
  }

  /** As {@link #importLedger(TenantContext, InputStream, long)}, telling where it has got to. */
  public int importLedger(
      TenantContext context, InputStream file, long size, ImportProgress progress) {
    BudgetService.mayDo(context, Action.RECORD_EXPENDITURE);
    progress.reached(ImportProgress.Stage.READING, 0, 0);
    SheetRows rows = reader.read(ExpenditureSheet.DEFINITION, file, size, MAX_ROWS);
    return scope.write(
        context,
        () -> {
          BudgetService.Ledger ledger = budgets.ledger(context);
          rows.mapAllOrNone((row, problems) -> check(ledger, row, problems), progress);
          progress.reached(ImportProgress.Stage.SAVING, rows.rows().size(), rows.rows().size());
          int recorded = ledger.commit();
          audit.record(context, "EXPENDITURE_IMPORT", recorded + " rows", null);
          return recorded;
        });
  }

  /** Checks one row unless its cells are wrong already; the service's refusals become problems. */
  private boolean check(BudgetService.Ledger ledger, SheetRow row, RowProblems problems) {
    if (!row.errors().isEmpty()) {
      return false;
    }
    LocalDate date = row.value(ExpenditureSheet.DATE);
    try {
      ledger.check(
          new BudgetCommands.RecordExpenditure(
              date,
              row.value(ExpenditureSheet.AMOUNT),
              row.value(ExpenditureSheet.CATEGORY),
              row.value(ExpenditureSheet.PAYEE),
              row.value(ExpenditureSheet.PURPOSE),
              null,
              null,
              row.value(ExpenditureSheet.OVER_BUDGET_REASON),
              date.getYear()));
      return true;
    } catch (ValidationException refused) {
      for (ValidationException.FieldError error : refused.errors()) {
        problem(problems, error, date.getYear(), row.value(ExpenditureSheet.CATEGORY));
      }
      return false;
    }
  }

  private static void problem(
      RowProblems problems, ValidationException.FieldError error, int year, String category) {
    switch (error.messageKey()) {
      case "expenditure.over-budget" ->
          problems.add(
              ExpenditureSheet.OVER_BUDGET_REASON,
              "expenditure.import.over-budget",
              error.arguments());
      case "budget.amount.zero", "budget.amount.too-large" ->
          problems.add(ExpenditureSheet.AMOUNT, "expenditure.import.amount");
      case "budget.category.unknown", "expenditure.no-line", "expenditure.no-line-in-year" ->
          problems.add(
              ExpenditureSheet.CATEGORY,
              "expenditure.import.no-line",
              String.valueOf(year),
              category);
      default -> problems.add(ExpenditureSheet.PURPOSE, "expenditure.import.invalid");
    }
  }
}
