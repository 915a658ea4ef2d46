package cn.shuangyong.platform.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One list's sheet, declared once: its ordered columns drive the Excel export, the printable page,
 * the import template and the import. Export and print show the columns with a value, in order; the
 * template and the import use the columns with a field, in order.
 *
 * @param templateTitleKey the bundle key of the template's (and import's) sheet name
 */
public record SheetDefinition<T>(String templateTitleKey, List<SheetColumn<T>> columns) {
  public SheetDefinition {
    columns = List.copyOf(columns);
  }

  public static <T> Builder<T> builder(String templateTitleKey) {
    return new Builder<>(templateTitleKey);
  }

  public List<SheetColumn<T>> exportColumns() {
    return columns.stream().filter(SheetColumn::exported).toList();
  }

  public List<SheetColumn<T>> importColumns() {
    return columns.stream().filter(SheetColumn::imported).toList();
  }

  /** Declares the columns in the order they appear. */
  public static final class Builder<T> {
    private final String templateTitleKey;
    private final List<SheetColumn<T>> columns = new ArrayList<>();

    private Builder(String templateTitleKey) {
      this.templateTitleKey = templateTitleKey;
    }

    /** 序号: the item's number within its section. */
    public Builder<T> rowNumber(String labelKey) {
      columns.add(new SheetColumn<>(labelKey, 6, (item, number) -> CellValue.whole(number), null));
      return this;
    }

    public Builder<T> exported(String labelKey, int width, Function<T, CellValue> value) {
      columns.add(new SheetColumn<>(labelKey, width, (item, number) -> value.apply(item), null));
      return this;
    }

    public Builder<T> exportedAndImported(
        String labelKey, int width, Function<T, CellValue> value, ImportField<?> field) {
      columns.add(new SheetColumn<>(labelKey, width, (item, number) -> value.apply(item), field));
      return this;
    }

    public Builder<T> importedOnly(String labelKey, int width, ImportField<?> field) {
      columns.add(new SheetColumn<>(labelKey, width, null, field));
      return this;
    }

    public SheetDefinition<T> build() {
      return new SheetDefinition<>(templateTitleKey, columns);
    }
  }
}
