package cn.shuangyong.tenants.budgets.api;

import static cn.shuangyong.platform.sheets.CellValue.label;
import static cn.shuangyong.platform.sheets.CellValue.text;

import cn.shuangyong.platform.sheets.CellParsers;
import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.ImportField;
import cn.shuangyong.platform.sheets.SheetDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ledger's sheet, declared once: the Excel export shows each expenditure with its amount as an
 * exact decimal cell (never a double), its line, payee, purpose, project or need, and whether a
 * voucher evidences it. Headers and values are the UI's own bundle keys.
 */
public final class ExpenditureSheet {
  public static final ImportField<LocalDate> DATE =
      ImportField.required("date", CellParsers.date(), "expenditure.import.date");
  public static final ImportField<String> CATEGORY =
      ImportField.required("category", CellParsers.text(50), "expenditure.import.category");
  public static final ImportField<BigDecimal> AMOUNT =
      ImportField.required("amount", CellParsers.money(), "expenditure.import.amount");
  public static final ImportField<String> PAYEE =
      ImportField.required("payee", CellParsers.text(200), "expenditure.import.payee");
  public static final ImportField<String> PURPOSE =
      ImportField.required("purpose", CellParsers.text(2000), "expenditure.import.purpose");
  public static final ImportField<String> OVER_BUDGET_REASON =
      ImportField.optional(
          "overBudgetReason", CellParsers.text(2000), "expenditure.import.purpose");

  public static final SheetDefinition<Expenditure> DEFINITION =
      SheetDefinition.<Expenditure>builder("expenditures.sheet")
          .rowNumber("expenditures.number")
          .exportedAndImported("expenditures.date", 12, e -> CellValue.day(e.date()), DATE)
          .exportedAndImported("expenditures.category", 14, e -> text(e.category()), CATEGORY)
          .exportedAndImported("expenditures.amount", 16, e -> CellValue.money(e.amount()), AMOUNT)
          .exportedAndImported("expenditures.payee", 24, e -> text(e.payee()), PAYEE)
          .exportedAndImported("expenditures.purpose", 40, e -> text(e.purpose()), PURPOSE)
          .exported("expenditures.project", 24, e -> text(e.projectName()))
          .exported("expenditures.need", 24, e -> text(e.needTitle()))
          .exported("expenditures.evidenced", 10, ExpenditureSheet::evidenced)
          .exportedAndImported(
              "expenditures.over-budget-reason",
              30,
              e -> text(e.overBudgetReason()),
              OVER_BUDGET_REASON)
          .build();

  private ExpenditureSheet() {}

  /** The ledger's title, e.g. "2026 年度双拥工作经费支出台账". */
  public static CellValue title(int year) {
    return label("expenditures.title", String.valueOf(year));
  }

  static CellValue evidenced(Expenditure expenditure) {
    return label(
        expenditure.evidenced() ? "expenditures.evidenced.yes" : "expenditures.evidenced.no");
  }
}
