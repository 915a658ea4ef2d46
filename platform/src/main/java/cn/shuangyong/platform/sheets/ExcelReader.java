package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.InputGuards;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an import (the first worksheet, the header in row 1, the import columns in the declared
 * order) and parses every cell, collecting every bad one: nothing is decided here, the feature maps
 * the rows all or none ({@link SheetRows#mapAllOrNone}).
 */
@Singleton
public class ExcelReader {
  public static final long MAX_BYTES = 5L * 1024 * 1024;
  public static final int MAX_ROWS = 2000;

  private final SheetLabels labels;

  public ExcelReader(SheetLabels labels) {
    this.labels = labels;
  }

  /** The data rows; a file too large, unreadable, empty or too long is refused whole. */
  public SheetRows read(SheetDefinition<?> definition, InputStream file, long size) {
    return read(definition, file, size, MAX_ROWS);
  }

  /**
   * The same with a row limit of the feature's own (a ledger of a year is longer than a list of
   * needs): beyond {@code maxRows} data rows the file is refused whole.
   */
  public SheetRows read(SheetDefinition<?> definition, InputStream file, long size, int maxRows) {
    if (size > MAX_BYTES) {
      throw ProblemException.tooLarge("sheet.too-large", MAX_BYTES / 1024 / 1024);
    }
    List<ImportField<?>> fields =
        definition.importColumns().stream().<ImportField<?>>map(SheetColumn::field).toList();
    List<List<String>> texts = texts(file, fields.size(), maxRows);
    List<SheetRow> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(parse(fields, texts.get(i), i + 2));
    }
    return new SheetRows(rows);
  }

  private SheetRow parse(List<ImportField<?>> fields, List<String> texts, int number) {
    Map<String, Object> values = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      ImportField<?> field = fields.get(i);
      String text = texts.get(i);
      String path = "rows[" + number + "]." + field.name();
      if (InputGuards.containsNul(text)) { // PostgreSQL cannot keep U+0000 in text
        errors.add(new FieldError(path, "sheet.nul", number));
        continue;
      }
      if (text.isEmpty()) {
        if (field.required()) {
          errors.add(new FieldError(path, field.badValueKey(), number, text));
        }
        continue;
      }
      field
          .parser()
          .parse(text, labels)
          .ifPresentOrElse(
              value -> values.put(field.name(), value),
              () -> errors.add(new FieldError(path, field.badValueKey(), number, text)));
    }
    return new SheetRow(number, values, errors);
  }

  /** The texts of the non-blank rows below the header, one per import column. */
  private static List<List<String>> texts(InputStream file, int width, int maxRows) {
    CellText cells = new CellText();
    try (Workbook workbook = WorkbookFactory.create(file)) {
      Sheet sheet = workbook.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < width; i++) {
          values.add(row == null ? "" : cells.of(row.getCell(i)));
        }
        if (values.stream().anyMatch(value -> !value.isEmpty())) {
          rows.add(values);
        }
        if (rows.size() > maxRows) {
          throw ValidationException.malformed("file", "sheet.too-many-rows", maxRows);
        }
      }
      if (rows.isEmpty()) {
        throw ValidationException.malformed("file", "sheet.empty");
      }
      return rows;
    } catch (ValidationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ValidationException.malformed("file", "sheet.unreadable");
    }
  }
}
