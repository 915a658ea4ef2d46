package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.SheetDefinition;
import cn.shuangyong.platform.sheets.SheetSection;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail as an Excel sheet ({@code GET /api/v1/audit/export}), through the shared sheet
 * kit: the same filters and scope as the search, the newest first, at most {@value #MOST_ROWS} rows
 * (narrow the dates for more), times in China Standard Time, results in the caller's language.
 */
@Singleton
public class AuditSheet {
  static final int MOST_ROWS = 10_000;
  private static final int PAGE = 500;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final SheetDefinition<AuditEvent> SHEET =
      SheetDefinition.<AuditEvent>builder("audit.sheet.title")
          .rowNumber("audit.sheet.number")
          .exported(
              "audit.sheet.at",
              20,
              e -> CellValue.text(TIME.format(e.at().atZoneSameInstant(CHINA))))
          .exported("audit.sheet.user", 16, e -> CellValue.text(e.user()))
          .exported("audit.sheet.user-name", 20, e -> CellValue.text(e.userName()))
          .exported(
              "audit.sheet.tenant",
              14,
              e -> CellValue.text(e.tenantName() != null ? e.tenantName() : e.tenant()))
          .exported("audit.sheet.action", 22, e -> CellValue.text(e.action()))
          .exported("audit.sheet.target", 30, e -> CellValue.text(e.target()))
          .exported("audit.sheet.result", 10, e -> CellValue.label("audit.result." + e.result()))
          .exported("audit.sheet.ip", 16, e -> CellValue.text(e.ip()))
          .build();

  private final AuditLog audit;
  private final ExcelWriter excel;

  AuditSheet(AuditLog audit, ExcelWriter excel) {
    this.audit = audit;
    this.excel = excel;
  }

  /** The workbook of the events the query selects; answers it with how many rows it holds. */
  public Workbook workbook(AuditLog.Query query, Locale locale) {
    List<AuditEvent> events = new ArrayList<>();
    for (int page = 0; events.size() < MOST_ROWS; page++) {
      List<AuditEvent> items = audit.search(query, page, PAGE).items();
      events.addAll(items.subList(0, Math.min(items.size(), MOST_ROWS - events.size())));
      if (items.size() < PAGE) {
        break;
      }
    }
    byte[] bytes =
        excel.write(
            SHEET,
            List.of(new SheetSection<>(CellValue.label("audit.sheet.title"), events)),
            locale);
    return new Workbook(bytes, events.size());
  }

  /** The .xlsx bytes and the number of events in them. */
  public record Workbook(byte[] bytes, int rows) {}
}
