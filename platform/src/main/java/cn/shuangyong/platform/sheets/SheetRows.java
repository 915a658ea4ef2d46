package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The data rows of an import, to be taken all or none. */
public record SheetRows(List<SheetRow> rows) {
  public SheetRows {
    rows = List.copyOf(rows);
  }

  /** Builds what a feature saves from one row, adding to {@code problems} what it finds wrong. */
  @FunctionalInterface
  public interface RowMapper<D> {
    D map(SheetRow row, RowProblems problems);
  }

  /**
   * Every row mapped, or one {@link ValidationException} (422) that names every bad row with its
   * number and reason when any cell or row is wrong: the caller then saves nothing.
   */
  public <D> List<D> mapAllOrNone(RowMapper<D> mapper) {
    List<FieldError> errors = new ArrayList<>();
    List<D> mapped = new ArrayList<>();
    for (SheetRow row : rows) {
      RowProblems problems = new RowProblems(row);
      D item = mapper.map(row, problems);
      errors.addAll(row.errors());
      errors.addAll(problems.errors());
      mapped.add(item);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return List.copyOf(mapped);
  }
}
