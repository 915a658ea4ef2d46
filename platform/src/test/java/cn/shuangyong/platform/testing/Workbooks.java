package cn.shuangyong.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files for tests, made from a feature's own template as a user would fill it in. */
public final class Workbooks {
  private Workbooks() {}

  /**
   * The template with its example rows replaced by {@code rows} (text cells, an empty string left
   * blank), each value put under the header cell titled as in {@code columns}, whose first title
   * finds the header row.
   */
  public static byte[] filled(byte[] template, List<String> columns, List<List<String>> rows)
      throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheetAt(0);
      Row titles = headerRow(sheet, columns.get(0));
      for (int r = sheet.getLastRowNum(); r > titles.getRowNum(); r--) {
        if (sheet.getRow(r) != null) {
          sheet.removeRow(sheet.getRow(r));
        }
      }
      Map<String, Integer> index = new HashMap<>();
      for (Cell cell : titles) {
        if (cell.getCellType() == CellType.STRING) {
          index.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
      }
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(titles.getRowNum() + 1 + i);
        List<String> values = rows.get(i);
        for (int c = 0; c < columns.size(); c++) {
          if (!values.get(c).isEmpty()) {
            row.createCell(index.get(columns.get(c))).setCellValue(values.get(c));
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static Row headerRow(Sheet sheet, String firstTitle) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(firstTitle)) {
          return row;
        }
      }
    }
    throw new IllegalArgumentException("no header cell " + firstTitle + " in the template");
  }
}
