package cn.shuangyong.platform.sheets;

/**
 * A field an import column fills: its name in error paths ({@code rows[7].title}), how its text is
 * parsed, and the message key of a bad value (arguments: the row number, the cell's text). A
 * required field reports a blank cell with the same key.
 */
public record ImportField<V>(
    String name, CellParser<V> parser, String badValueKey, boolean required) {

  public static <V> ImportField<V> required(String name, CellParser<V> parser, String badValueKey) {
    return new ImportField<>(name, parser, badValueKey, true);
  }

  public static <V> ImportField<V> optional(String name, CellParser<V> parser, String badValueKey) {
    return new ImportField<>(name, parser, badValueKey, false);
  }
}
