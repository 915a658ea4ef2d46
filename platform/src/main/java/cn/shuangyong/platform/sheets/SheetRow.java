package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.ValidationException.FieldError;
import io.micronaut.core.annotation.Nullable;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of an import, parsed: its number as the spreadsheet shows it (the header is row 1),
 * the values of the fields that parsed, and the errors of the cells that did not.
 */
public record SheetRow(int number, Map<String, Object> values, List<FieldError> errors) {
  public SheetRow {
    values = Collections.unmodifiableMap(new HashMap<>(values));
    errors = List.copyOf(errors);
  }

  /** The field's value; null when its cell was blank or bad (a bad one is in {@link #errors}). */
  @SuppressWarnings("unchecked")
  public <V> @Nullable V value(ImportField<V> field) {
    return (V) values.get(field.name());
  }

  /** Whether the field's cell was left blank (neither a value nor a bad one). */
  public boolean blank(ImportField<?> field) {
    return !values.containsKey(field.name())
        && errors.stream().noneMatch(error -> error.field().equals(path(field.name())));
  }

  /** The error path of a field of this row, e.g. {@code rows[7].title}. */
  public String path(String field) {
    return "rows[" + number + "]." + field;
  }
}
