package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The year's 双清单 as the office publishes them: one sheet per direction, with the "four clear"
 * columns (责任单位、实事内容、完成时限、工作质量). Text that a spreadsheet would read as a formula is neutralised
 * with a leading apostrophe.
 */
@Singleton
public class NeedExport {
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int PAGE = 200;
  private static final List<String> HEADERS =
      List.of("序号", "事项名称", "类别", "驻军单位", "责任单位", "实事内容", "完成时限", "层级", "工作质量", "状态", "督办次数");
  private static final Map<String, String> STATUS =
      Map.of(
          "SUBMITTED",
          "已提交",
          "ACCEPTED",
          "已受理",
          "REJECTED",
          "未采纳",
          "IN_PROGRESS",
          "办理中",
          "COMPLETED",
          "已办结",
          "CLOSED",
          "已销号");
  private static final Map<String, String> SATISFACTION =
      Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意", "UNSATISFIED", "不满意");

  private final NeedService needs;

  public NeedExport(NeedService needs) {
    this.needs = needs;
  }

  public byte[] workbook(TenantContext context, int year, @Nullable Direction onlyDirection) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      for (Direction direction : Direction.values()) {
        if (onlyDirection != null && onlyDirection != direction) {
          continue;
        }
        Sheet sheet =
            workbook.createSheet(
                year + (direction == Direction.FOR_TROOPS ? " 拥军优属清单" : " 拥政爱民清单"));
        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADERS.size(); i++) {
          Cell cell = head.createCell(i);
          cell.setCellValue(HEADERS.get(i));
          cell.setCellStyle(header);
        }
        int rowIndex = 1;
        for (Need need : all(context, year, direction)) {
          Row row = sheet.createRow(rowIndex);
          List<Object> values = new ArrayList<>();
          values.add(rowIndex);
          values.add(need.title());
          values.add(need.category());
          values.add(need.garrisonUnitName());
          values.add(need.responsibleUnitName());
          values.add(need.description());
          values.add(need.deadline() == null ? null : need.deadline().toString());
          values.add(
              need.level() == null ? null : need.level() == NeedTypes.Level.CITY ? "市级" : "镇级");
          values.add(quality(need));
          values.add(STATUS.get(need.status().name()) + (need.overdue() ? "（逾期）" : ""));
          values.add(need.supervisionCount());
          for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
              cell.setCellValue(number.doubleValue());
            } else if (value != null) {
              cell.setCellValue(neutralise(value.toString()));
            }
          }
          rowIndex++;
        }
        for (int i = 0; i < HEADERS.size(); i++) {
          sheet.setColumnWidth(i, i == 1 || i == 5 ? 40 * 256 : 14 * 256);
        }
        sheet.createFreezePane(0, 1);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the needs workbook", e);
    }
  }

  /** A cell a spreadsheet would take for a formula (=, +, -, @, tab, CR) gets a leading '. */
  static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String quality(Need need) {
    String progress = "进度 " + need.percent() + "%";
    return need.satisfaction() == null
        ? progress
        : progress + "，" + SATISFACTION.get(need.satisfaction().name());
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
