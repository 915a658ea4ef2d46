package cn.shuangyong.platform.sheets;

import java.util.Optional;

/**
 * Turns the text of a non-blank import cell into a field's value; empty when it is no such value.
 */
@FunctionalInterface
public interface CellParser<V> {
  Optional<V> parse(String text, SheetLabels labels);
}
