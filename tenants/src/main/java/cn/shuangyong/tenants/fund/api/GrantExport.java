package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.SheetSection;
import cn.shuangyong.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The grants (with the list's filters) as an Excel workbook from {@link GrantSheet}, masked. */
@Singleton
public class GrantExport {
  private static final int PAGE = 200;

  private final GrantService grants;
  private final ExcelWriter excel;

  public GrantExport(GrantService grants, ExcelWriter excel) {
    this.grants = grants;
    this.excel = excel;
  }

  public byte[] workbook(TenantContext context, GrantQuery query, Locale locale) {
    List<Grant> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      GrantPage page = grants.list(context, query, offset, PAGE, "id", true);
      all.addAll(page.items());
      if (page.items().size() < PAGE) {
        break;
      }
    }
    return excel.write(
        GrantSheet.DEFINITION,
        List.of(new SheetSection<>(GrantSheet.title(query.year()), all)),
        locale);
  }
}
