package cn.shuangyong.tenants.fund.api;

import static cn.shuangyong.platform.sheets.CellValue.choice;
import static cn.shuangyong.platform.sheets.CellValue.label;
import static cn.shuangyong.platform.sheets.CellValue.text;

import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.SheetDefinition;

/**
 * The grants' sheet, declared once: each application with its applicant (ID number and phone
 * masked, as everywhere outside an audited unmasking), household, amounts as exact decimal cells
 * (never a double), status and whether it was paid first. Headers and values are bundle keys.
 */
public final class GrantSheet {
  public static final SheetDefinition<Grant> DEFINITION =
      SheetDefinition.<Grant>builder("grants.sheet")
          .rowNumber("grants.number")
          .exported("grants.id", 8, g -> CellValue.whole(g.id()))
          .exported("grants.year", 8, g -> CellValue.whole(g.year()))
          .exported("grants.applicant", 12, g -> text(g.applicantName()))
          .exported(
              "grants.applicant-type", 14, g -> choice("grants.applicant-type", g.applicantType()))
          .exported("grants.id-number", 22, g -> text(g.idNumber()))
          .exported("grants.phone", 16, g -> text(g.phone()))
          .exported("grants.household-size", 10, g -> CellValue.whole(g.householdSize()))
          .exported("grants.income", 14, g -> CellValue.money(g.income12Months()))
          .exported("grants.requested", 14, g -> CellValue.money(g.requestedAmount()))
          .exported("grants.approved", 14, g -> CellValue.money(g.approvedAmount()))
          .exported("grants.paid", 14, g -> CellValue.money(g.paidAmount()))
          .exported("grants.paid-on", 12, g -> CellValue.day(g.paidOn()))
          .exported("grants.status", 12, g -> choice("grants.status", g.status()))
          .exported("grants.paid-first", 14, GrantSheet::paidFirst)
          .exported("grants.reason", 40, g -> text(g.reason()))
          .build();

  private GrantSheet() {}

  /** The sheet's title, e.g. "2026 年度帮扶基金申请台账" (all years without one). */
  public static CellValue title(Integer year) {
    return year == null ? label("grants.title-all") : label("grants.title", String.valueOf(year));
  }

  static CellValue paidFirst(Grant grant) {
    if (!grant.paidFirst()) {
      return CellValue.text(null);
    }
    return label(grant.paperworkPending() ? "grants.paid-first.pending" : "grants.paid-first.done");
  }
}
