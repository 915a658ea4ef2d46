package cn.shuangyong.platform.sheets;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a list's sections as an .xlsx workbook, one worksheet per section: the header row bold and
 * frozen, the declared widths, dates as date cells, numbers as numbers, money as exact decimals
 * shown with two places, and text that a spreadsheet would take for a formula neutralised.
 */
@Singleton
public class ExcelWriter {
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final SheetLabels labels;

  public ExcelWriter(SheetLabels labels) {
    this.labels = labels;
  }

  public <T> byte[] write(
      SheetDefinition<T> definition, List<SheetSection<T>> sections, Locale locale) {
    return write(List.<SheetPart<?>>of(new SheetPart<>(definition, sections)), locale);
  }

  /**
   * Several lists in one workbook, in order, each section a worksheet (a report's items, then its
   * totals); a part without sections still gets its headers on a sheet named by its definition.
   */
  public byte[] write(List<SheetPart<?>> parts, Locale locale) {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Styles styles = Styles.of(workbook);
      for (SheetPart<?> part : parts) {
        writePart(workbook, part, styles, locale);
      }
      return bytes(workbook);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the workbook", e);
    }
  }

  private <T> void writePart(
      XSSFWorkbook workbook, SheetPart<T> part, Styles styles, Locale locale) {
    List<SheetColumn<T>> columns = part.definition().exportColumns();
    for (SheetSection<T> section : part.sections()) {
      Sheet sheet = sheet(workbook, labels.text(section.title(), locale));
      header(sheet, columns, styles, locale);
      int number = 0;
      for (T item : section.items()) {
        number++;
        Row row = sheet.createRow(number);
        for (int i = 0; i < columns.size(); i++) {
          write(row.createCell(i), columns.get(i).value().of(item, number), styles, locale);
        }
      }
    }
    if (part.sections().isEmpty()) {
      header(
          sheet(workbook, labels.label(locale, part.definition().templateTitleKey())),
          columns,
          styles,
          locale);
    }
  }

  /**
   * The import template: the import columns' headers and one example row, in the caller's language
   * (an import reads labels of either language).
   */
  public <T> byte[] template(
      SheetDefinition<T> definition, Map<ImportField<?>, CellValue> example, Locale locale) {
    List<SheetColumn<T>> columns = definition.importColumns();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Styles styles = Styles.of(workbook);
      Sheet sheet = sheet(workbook, labels.label(locale, definition.templateTitleKey()));
      header(sheet, columns, styles, locale);
      Row row = sheet.createRow(1);
      for (int i = 0; i < columns.size(); i++) {
        CellValue value = example.getOrDefault(columns.get(i).field(), CellValue.EMPTY);
        write(row.createCell(i), value, styles, locale);
      }
      return bytes(workbook);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the template", e);
    }
  }

  /** A cell a spreadsheet would take for a formula (=, +, -, @, tab, CR) gets a leading '. */
  public static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static Sheet sheet(XSSFWorkbook workbook, String title) {
    String name = WorkbookUtil.createSafeSheetName(title);
    for (int i = 2; workbook.getSheet(name) != null; i++) {
      name = WorkbookUtil.createSafeSheetName(title + " " + i);
    }
    return workbook.createSheet(name);
  }

  private <T> void header(Sheet sheet, List<SheetColumn<T>> columns, Styles styles, Locale locale) {
    Row head = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = head.createCell(i);
      cell.setCellValue(labels.label(locale, columns.get(i).labelKey()));
      cell.setCellStyle(styles.header());
      sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  private void write(Cell cell, CellValue value, Styles styles, Locale locale) {
    if (value instanceof CellValue.Whole whole) {
      cell.setCellValue(whole.value());
      cell.setCellStyle(styles.whole());
    } else if (value instanceof CellValue.Money money) {
      // the amount goes into the file as its decimal text: exact, never through a double
      cell.setCellValue(0d);
      ((XSSFCell) cell)
          .getCTCell()
          .setV(money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
      cell.setCellStyle(styles.money());
    } else if (value instanceof CellValue.Day day) {
      cell.setCellValue(day.date());
      cell.setCellStyle(styles.date());
    } else if (value instanceof CellValue.Text text) {
      cell.setCellValue(neutralise(text.text()));
    } else if (value instanceof CellValue.Label) {
      cell.setCellValue(neutralise(labels.text(value, locale)));
    }
  }

  private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    workbook.write(out);
    return out.toByteArray();
  }

  private record Styles(CellStyle header, CellStyle whole, CellStyle money, CellStyle date) {
    static Styles of(XSSFWorkbook workbook) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      return new Styles(
          header, format(workbook, "0"), format(workbook, "0.00"), format(workbook, "yyyy-mm-dd"));
    }

    private static CellStyle format(XSSFWorkbook workbook, String pattern) {
      CellStyle style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
      return style;
    }
  }
}
