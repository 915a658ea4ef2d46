package cn.shuangyong.tenants.needs.api;

import static cn.shuangyong.platform.sheets.CellValue.choice;
import static cn.shuangyong.platform.sheets.CellValue.label;
import static cn.shuangyong.platform.sheets.CellValue.text;

import cn.shuangyong.platform.sheets.CellParsers;
import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.ImportField;
import cn.shuangyong.platform.sheets.SheetDefinition;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import java.time.LocalDate;

/**
 * The 双清单's sheet, declared once: the export and the printable page show the year's list with the
 * "four clear" columns (责任单位、实事内容、完成时限、工作质量); the template and the import take the columns an
 * office fills in. Headers and values are the UI's own bundle keys.
 */
public final class NeedSheet {
  public static final ImportField<Direction> DIRECTION =
      ImportField.required(
          "direction",
          CellParsers.choice(Direction.class, "needs.direction"),
          "need.import.direction");
  public static final ImportField<String> TITLE =
      ImportField.required("title", CellParsers.text(200), "need.import.title");
  public static final ImportField<String> CATEGORY =
      ImportField.required("category", CellParsers.text(200), "need.import.category");
  public static final ImportField<String> GARRISON_UNIT =
      ImportField.optional("garrisonUnit", CellParsers.text(200), "need.import.garrison-unit");
  public static final ImportField<String> DESCRIPTION =
      ImportField.optional("description", CellParsers.text(4000), "need.import.description");
  public static final ImportField<LocalDate> EXPECTED_BY =
      ImportField.optional("expectedBy", CellParsers.date(), "need.import.date");
  public static final ImportField<Source> SOURCE =
      ImportField.optional(
          "source", CellParsers.choice(Source.class, "needs.source"), "need.import.source");
  public static final ImportField<Integer> YEAR =
      ImportField.optional("year", CellParsers.integer(2000, 2100), "need.import.year");

  public static final SheetDefinition<Need> DEFINITION =
      SheetDefinition.<Need>builder("needs.import.sheet")
          .rowNumber("needs.number")
          .importedOnly("needs.direction", 12, DIRECTION)
          .exportedAndImported("needs.title", 40, need -> text(need.title()), TITLE)
          .exportedAndImported("needs.category", 14, need -> text(need.category()), CATEGORY)
          .exportedAndImported(
              "needs.garrison-unit", 20, need -> text(need.garrisonUnitName()), GARRISON_UNIT)
          .exported("needs.responsible-unit", 20, need -> text(need.responsibleUnitName()))
          .exportedAndImported("needs.content", 40, need -> text(need.description()), DESCRIPTION)
          .importedOnly("needs.expected-by", 14, EXPECTED_BY)
          .exported("needs.deadline", 12, need -> CellValue.day(need.deadline()))
          .exported("needs.level", 12, need -> choice("needs.level", need.level()))
          .exported("needs.quality", 18, NeedSheet::quality)
          .exported("needs.status", 16, NeedSheet::status)
          .exported("needs.supervision-count", 10, need -> CellValue.whole(need.supervisionCount()))
          .importedOnly("needs.source", 12, SOURCE)
          .importedOnly("needs.year", 8, YEAR)
          .build();

  private NeedSheet() {}

  /** The title of one direction's list of a year, e.g. "2026 年度拥军优属清单". */
  public static CellValue listTitle(int year, Direction direction) {
    return label("needs.list." + direction.name(), String.valueOf(year));
  }

  /** 工作质量: the progress, and the requester's rating once given. */
  static CellValue quality(Need need) {
    return need.satisfaction() == null
        ? label("needs.quality.progress", need.percent())
        : label(
            "needs.quality.rated",
            need.percent(),
            choice("needs.satisfaction", need.satisfaction()));
  }

  static CellValue status(Need need) {
    CellValue status = choice("needs.status", need.status());
    return need.overdue() ? label("needs.status.overdue", status, label("needs.overdue")) : status;
  }
}
