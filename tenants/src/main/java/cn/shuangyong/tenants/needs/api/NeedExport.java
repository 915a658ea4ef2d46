package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.PrintableSheet;
import cn.shuangyong.platform.sheets.SheetPrinter;
import cn.shuangyong.platform.sheets.SheetSection;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The year's 双清单 as the office publishes them, one part per direction, from {@link NeedSheet}: as
 * an Excel workbook (a worksheet per direction) or as the printable page (a table per direction),
 * with the same columns and labels in the reader's language.
 */
@Singleton
public class NeedExport {
  private static final int PAGE = 200;

  private final NeedService needs;
  private final ExcelWriter excel;
  private final SheetPrinter printer;

  public NeedExport(NeedService needs, ExcelWriter excel, SheetPrinter printer) {
    this.needs = needs;
    this.excel = excel;
    this.printer = printer;
  }

  public byte[] workbook(
      TenantContext context, int year, @Nullable Direction onlyDirection, Locale locale) {
    return excel.write(NeedSheet.DEFINITION, sections(context, year, onlyDirection), locale);
  }

  /**
   * The lists the office signs and publishes: what it took on, so a rejected need (which the Excel
   * export keeps, with its reason, for the office's own records) is not on them.
   */
  public PrintableSheet printable(
      TenantContext context, int year, @Nullable Direction onlyDirection, Locale locale) {
    List<SheetSection<Need>> published =
        sections(context, year, onlyDirection).stream()
            .map(
                section ->
                    new SheetSection<>(
                        section.title(),
                        section.items().stream()
                            .filter(
                                need ->
                                    need.status() != Status.REJECTED
                                        && need.status() != Status.WITHDRAWN)
                            .toList()))
            .toList();
    return printer.print(NeedSheet.DEFINITION, published, locale);
  }

  private List<SheetSection<Need>> sections(
      TenantContext context, int year, @Nullable Direction onlyDirection) {
    List<SheetSection<Need>> sections = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      if (onlyDirection == null || onlyDirection == direction) {
        sections.add(
            new SheetSection<>(
                NeedSheet.listTitle(year, direction), all(context, year, direction)));
      }
    }
    return sections;
  }

  private List<Need> all(TenantContext context, int year, Direction direction) {
    List<Need> all = new ArrayList<>();
    NeedQuery query = new NeedQuery(null, direction, year, null, null, false, null);
    for (int page = 0; ; page++) {
      NeedPage result =
          needs.list(context, query, Pageable.from(page, PAGE, Sort.of(Sort.Order.asc("id"))));
      all.addAll(result.items());
      if (result.items().size() < PAGE) {
        return all;
      }
    }
  }
}
