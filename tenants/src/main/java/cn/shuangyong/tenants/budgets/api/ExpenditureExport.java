package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.SheetSection;
import cn.shuangyong.platform.tenancy.TenantContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The year's ledger (with the list's filters) as an Excel workbook from {@link ExpenditureSheet}.
 */
@Singleton
public class ExpenditureExport {
  private static final int PAGE = 200;

  private final BudgetService budgets;
  private final ExcelWriter excel;

  public ExpenditureExport(BudgetService budgets, ExcelWriter excel) {
    this.budgets = budgets;
    this.excel = excel;
  }

  public byte[] workbook(TenantContext context, ExpenditureQuery query, int year, Locale locale) {
    ExpenditureQuery ofYear =
        new ExpenditureQuery(year, query.category(), query.projectId(), query.evidenced());
    List<Expenditure> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      ExpenditurePage result =
          budgets.list(context, ofYear, Pageable.from(page, PAGE, Sort.of(Sort.Order.asc("date"))));
      all.addAll(result.items());
      if (result.items().size() < PAGE) {
        break;
      }
    }
    return excel.write(
        ExpenditureSheet.DEFINITION,
        List.of(new SheetSection<>(ExpenditureSheet.title(year), all)),
        locale);
  }
}
