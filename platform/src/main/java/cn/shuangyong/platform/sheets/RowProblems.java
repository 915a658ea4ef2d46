package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.ValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feature finds wrong with a row beyond its cells (an unknown name, a date in the past, a
 * field another one requires), each under the row's number like the cells' own errors.
 */
public final class RowProblems {
  private final SheetRow row;
  private final List<FieldError> errors = new ArrayList<>();

  RowProblems(SheetRow row) {
    this.row = row;
  }

  /** A problem with {@code field}: the message gets the row number first, then {@code more}. */
  public void add(ImportField<?> field, String messageKey, Object... more) {
    Object[] arguments = new Object[more.length + 1];
    arguments[0] = row.number();
    System.arraycopy(more, 0, arguments, 1, more.length);
    errors.add(new FieldError(row.path(field.name()), messageKey, arguments));
  }

  List<FieldError> errors() {
    return List.copyOf(errors);
  }
}
