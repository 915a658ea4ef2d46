package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The data rows of an import, to be taken all or none. */
public record SheetRows(List<SheetRow> rows) {
  /** The most rows checked between two reports of progress. */
  private static final int REPORT_EVERY_MAX = 200;

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
    return mapAllOrNone(mapper, ImportProgress.none());
  }

  /**
   * As {@link #mapAllOrNone(RowMapper)}, telling {@code progress} about every hundredth of the rows
   * checked (at least every {@value #REPORT_EVERY_MAX} rows) and the last one.
   */
  public <D> List<D> mapAllOrNone(RowMapper<D> mapper, ImportProgress progress) {
    List<FieldError> errors = new ArrayList<>();
    List<D> mapped = new ArrayList<>();
    int total = rows.size();
    int every = Math.max(1, Math.min(REPORT_EVERY_MAX, total / 100));
    progress.reached(ImportProgress.Stage.CHECKING, 0, total);
    for (SheetRow row : rows) {
      RowProblems problems = new RowProblems(row);
      D item = mapper.map(row, problems);
      errors.addAll(row.errors());
      errors.addAll(problems.errors());
      mapped.add(item);
      if (mapped.size() % every == 0 || mapped.size() == total) {
        progress.reached(ImportProgress.Stage.CHECKING, mapped.size(), total);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return List.copyOf(mapped);
  }
}
