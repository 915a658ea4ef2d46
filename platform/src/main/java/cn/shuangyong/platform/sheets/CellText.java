package cn.shuangyong.platform.sheets;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The one place an imported cell becomes text (every import goes through here, so a rule for all
 * cells belongs here): a date cell as yyyy-MM-dd, a number as its plain decimal (2026, 12.5, never
 * 1.2E10 or a display format's thousands separators), text trimmed; a formula is read as the value
 * Excel last computed, never evaluated.
 */
final class CellText {
  String of(@Nullable Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC) {
      return DateUtil.isCellDateFormatted(cell)
          ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
          : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
    }
    if (type == CellType.STRING) {
      return cell.getStringCellValue().trim();
    }
    if (type == CellType.BOOLEAN) {
      return Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
    }
    return "";
  }
}
