package cn.shuangyong.platform.sheets;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a list's sections into the printable model, with the export's columns and labels. */
@Singleton
public class SheetPrinter {
  private final SheetLabels labels;

  public SheetPrinter(SheetLabels labels) {
    this.labels = labels;
  }

  public <T> PrintableSheet print(
      SheetDefinition<T> definition, List<SheetSection<T>> sections, Locale locale) {
    List<SheetColumn<T>> columns = definition.exportColumns();
    List<String> headers =
        columns.stream().map(column -> labels.label(locale, column.labelKey())).toList();
    List<PrintableSheet.Section> printed = new ArrayList<>();
    for (SheetSection<T> section : sections) {
      List<List<String>> rows = new ArrayList<>();
      int number = 0;
      for (T item : section.items()) {
        number++;
        List<String> cells = new ArrayList<>();
        for (SheetColumn<T> column : columns) {
          cells.add(labels.text(column.value().of(item, number), locale));
        }
        rows.add(cells);
      }
      printed.add(new PrintableSheet.Section(labels.text(section.title(), locale), rows));
    }
    List<Integer> widths = columns.stream().map(SheetColumn::width).toList();
    return new PrintableSheet(headers, widths, printed);
  }
}
