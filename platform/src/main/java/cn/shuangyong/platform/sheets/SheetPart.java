package cn.shuangyong.platform.sheets;

import java.util.List;

/**
 * One list of a workbook that holds several (a report's items and its totals): its sheet definition
 * and its sections, each section a worksheet.
 */
public record SheetPart<T>(SheetDefinition<T> definition, List<SheetSection<T>> sections) {
  public SheetPart {
    sections = List.copyOf(sections);
  }
}
