package cn.shuangyong.platform.sheets;

import java.util.List;

/** One part of an export or a printout: a worksheet in Excel, a titled table on the page. */
public record SheetSection<T>(CellValue title, List<T> items) {
  public SheetSection {
    items = List.copyOf(items);
  }
}
