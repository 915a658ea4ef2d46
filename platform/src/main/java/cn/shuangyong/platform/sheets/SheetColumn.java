package cn.shuangyong.platform.sheets;

import io.micronaut.core.annotation.Nullable;

/**
 * One column of a list's sheet: the bundle key of its header, its width in characters, what it
 * shows of an item (export and print; none for an import-only column) and the field it fills on
 * import (none for an export-only column).
 */
public record SheetColumn<T>(
    String labelKey, int width, @Nullable CellGetter<T> value, @Nullable ImportField<?> field) {

  /** What a column shows of the {@code number}-th item (from 1) of its section. */
  @FunctionalInterface
  public interface CellGetter<T> {
    CellValue of(T item, int number);
  }

  public boolean exported() {
    return value != null;
  }

  public boolean imported() {
    return field != null;
  }
}
