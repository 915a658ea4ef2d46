package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.GarrisonUnitNames;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRepository;
import cn.shuangyong.tenants.needs.internal.NeedStore;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Imports a list of needs from the office's Excel template. Every row is checked first; one bad row
 * means nothing is saved and every bad row is reported with its row number and reason.
 */
@Singleton
public class NeedImport {
  public static final long MAX_BYTES = 5L * 1024 * 1024;
  public static final int MAX_ROWS = 2000;
  public static final List<String> COLUMNS =
      List.of("方向", "事项名称", "类别", "驻军单位", "事项内容", "期望完成日期", "征集方式", "年度");
  private static final Map<String, Direction> DIRECTIONS =
      Map.of(
          "拥军优属",
          Direction.FOR_TROOPS,
          "FOR_TROOPS",
          Direction.FOR_TROOPS,
          "拥政爱民",
          Direction.FOR_CIVILIANS,
          "FOR_CIVILIANS",
          Direction.FOR_CIVILIANS);
  private static final Map<String, Source> SOURCES =
      Map.of(
          "集中征集",
          Source.COLLECTED,
          "座谈走访",
          Source.VISIT,
          "专项征集",
          Source.SPECIAL,
          "COLLECTED",
          Source.COLLECTED,
          "VISIT",
          Source.VISIT,
          "SPECIAL",
          Source.SPECIAL);

  private final TenantScope scope;
  private final NeedStore store;
  private final NeedCategoryRepository categories;
  private final GarrisonUnitNames garrisonUnits;
  private final NeedService needs;
  private final AuditLog audit;
  private final TenantEvents events;
  private final Clock clock;

  public NeedImport(
      TenantScope scope,
      NeedStore store,
      NeedCategoryRepository categories,
      GarrisonUnitNames garrisonUnits,
      NeedService needs,
      AuditLog audit,
      TenantEvents events,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.categories = categories;
    this.garrisonUnits = garrisonUnits;
    this.needs = needs;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The empty template with its header row and one example row. */
  public byte[] template() {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("双清单导入");
      Row head = sheet.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        head.createCell(i).setCellValue(COLUMNS.get(i));
        sheet.setColumnWidth(i, (i == 1 || i == 4 ? 36 : 14) * 256);
      }
      Row example = sheet.createRow(1);
      String[] values = {
        "拥军优属",
        "（示例）营区路面照明改造",
        "营区建设",
        "驻平陆军某部（示例）",
        "营区主干道路灯 40 盏",
        LocalDate.now(clock).plusMonths(6).toString(),
        "集中征集",
        String.valueOf(LocalDate.now(clock).getYear())
      };
      for (int i = 0; i < values.length; i++) {
        example.createCell(i).setCellValue(values[i]);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many needs were imported. */
  public int importList(TenantContext context, InputStream file, long size) {
    CurrentUser user = context.caller();
    if (!user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      throw ProblemException.forbidden();
    }
    if (size > MAX_BYTES) {
      throw ProblemException.tooLarge("need.import.too-large", MAX_BYTES / 1024 / 1024);
    }
    List<List<String>> rows = readRows(file);
    LocalDate today = needs.today();
    int imported =
        scope.write(
            context,
            () -> {
              Map<String, Long> categoryIds =
                  byName(categories.active(), c -> c.name(), c -> c.id());
              Map<String, Long> garrisonUnitIds =
                  byName(garrisonUnits.findAll(), g -> g.name(), g -> g.id());
              List<ValidationException.FieldError> errors = new ArrayList<>();
              List<NeedStore.NewNeed> valid = new ArrayList<>();
              Instant now = clock.instant();
              for (int i = 0; i < rows.size(); i++) {
                NeedStore.NewNeed need =
                    check(
                        rows.get(i), i + 2, categoryIds, garrisonUnitIds, today, now, user, errors);
                if (need != null) {
                  valid.add(need);
                }
              }
              if (!errors.isEmpty()) {
                throw new ValidationException(errors);
              }
              for (NeedStore.NewNeed need : valid) {
                long id = store.insert(need);
                store.addEvent(
                    id,
                    new NeedEvent(
                        now,
                        user.username(),
                        Action.SUBMIT,
                        null,
                        Status.SUBMITTED,
                        null,
                        "Excel 导入"));
                events.publish(context, new NeedSubmitted(context.code(), id, need.direction()));
              }
              return valid.size();
            });
    audit.record(
        new AuditLog.Entry(
            user.username(),
            context.code().value(),
            "NEED_IMPORT",
            imported + " rows",
            "SUCCESS",
            null,
            null));
    return imported;
  }

  private static NeedStore.NewNeed check(
      List<String> row,
      int rowNumber,
      Map<String, Long> categories,
      Map<String, Long> garrisonUnits,
      LocalDate today,
      Instant now,
      CurrentUser user,
      List<ValidationException.FieldError> errors) {
    int before = errors.size();
    String at = "rows[" + rowNumber + "].";
    Direction direction = DIRECTIONS.get(cell(row, 0));
    if (direction == null) {
      errors.add(
          new ValidationException.FieldError(at + "direction", "need.import.direction", rowNumber));
    }
    String title = cell(row, 1);
    if (title.isEmpty() || title.length() > 200) {
      errors.add(new ValidationException.FieldError(at + "title", "need.import.title", rowNumber));
    }
    Long category = categories.get(cell(row, 2).toLowerCase(Locale.ROOT));
    if (category == null) {
      errors.add(
          new ValidationException.FieldError(
              at + "category", "need.import.category", rowNumber, cell(row, 2)));
    }
    Long garrisonUnit = null;
    if (!cell(row, 3).isEmpty()) {
      garrisonUnit = garrisonUnits.get(cell(row, 3).toLowerCase(Locale.ROOT));
      if (garrisonUnit == null) {
        errors.add(
            new ValidationException.FieldError(
                at + "garrisonUnit", "need.import.garrison-unit", rowNumber, cell(row, 3)));
      }
    } else if (direction == Direction.FOR_TROOPS) {
      errors.add(
          new ValidationException.FieldError(
              at + "garrisonUnit", "need.import.garrison-unit-required", rowNumber));
    }
    String description = cell(row, 4);
    if (description.length() > 4000) {
      errors.add(
          new ValidationException.FieldError(
              at + "description", "need.import.description", rowNumber));
    }
    LocalDate expectedBy = null;
    if (!cell(row, 5).isEmpty()) {
      try {
        expectedBy = LocalDate.parse(cell(row, 5));
        if (expectedBy.isBefore(today)) {
          errors.add(
              new ValidationException.FieldError(
                  at + "expectedBy", "need.import.date-past", rowNumber));
        }
      } catch (DateTimeParseException e) {
        errors.add(
            new ValidationException.FieldError(
                at + "expectedBy", "need.import.date", rowNumber, cell(row, 5)));
      }
    }
    Source source = cell(row, 6).isEmpty() ? Source.COLLECTED : SOURCES.get(cell(row, 6));
    if (source == null) {
      errors.add(
          new ValidationException.FieldError(
              at + "source", "need.import.source", rowNumber, cell(row, 6)));
    }
    int year = today.getYear();
    if (!cell(row, 7).isEmpty()) {
      try {
        year = Integer.parseInt(cell(row, 7));
        if (year < 2000 || year > 2100) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(
            new ValidationException.FieldError(
                at + "year", "need.import.year", rowNumber, cell(row, 7)));
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new NeedStore.NewNeed(
        year,
        direction,
        title,
        description.isEmpty() ? null : description,
        category,
        garrisonUnit,
        source,
        expectedBy,
        false,
        now,
        user.username());
  }

  private static List<List<String>> readRows(InputStream file) {
    try (Workbook workbook = WorkbookFactory.create(file)) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> values = new ArrayList<>();
        boolean empty = true;
        for (int i = 0; i < COLUMNS.size(); i++) {
          String value = row == null ? "" : text(row.getCell(i), formatter);
          empty &= value.isEmpty();
          values.add(value);
        }
        if (!empty) {
          rows.add(values);
        }
        if (rows.size() > MAX_ROWS) {
          throw ValidationException.malformed("file", "need.import.too-many-rows", MAX_ROWS);
        }
      }
      if (rows.isEmpty()) {
        throw ValidationException.malformed("file", "need.import.empty");
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationException validation) {
        throw validation;
      }
      throw ValidationException.malformed("file", "need.import.unreadable");
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return cell.getLocalDateTimeCellValue().toLocalDate().toString();
    }
    return formatter.formatCellValue(cell).trim();
  }

  private static String cell(List<String> row, int index) {
    return row.get(index);
  }

  private static <T> Map<String, Long> byName(
      List<T> rows, Function<T, String> name, Function<T, Long> id) {
    Map<String, Long> byName = new HashMap<>();
    for (T row : rows) {
      byName.put(name.apply(row).toLowerCase(Locale.ROOT), id.apply(row));
    }
    return byName;
  }
}
