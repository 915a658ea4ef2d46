package cn.shuangyong.platform.sheets;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What one cell of a list shows, before it is written: the Excel writer makes a date a date cell, a
 * number a number cell and money an exact decimal; the printable page and labels resolve it to text
 * in the reader's language.
 */
public sealed interface CellValue {
  CellValue EMPTY = new Empty();

  /** Text as a user wrote it: never taken for a formula. */
  record Text(String text) implements CellValue {}

  /** A whole number (a count, a year, a row number). */
  record Whole(long value) implements CellValue {}

  /** An amount of money with two decimals, kept exact (never a double). */
  record Money(BigDecimal amount) implements CellValue {}

  record Day(LocalDate date) implements CellValue {}

  /** A bundle text by key; an argument may itself be a {@code CellValue}, resolved first. */
  record Label(String key, List<Object> arguments) implements CellValue {}

  record Empty() implements CellValue {}

  static CellValue text(@Nullable String text) {
    return text == null || text.isEmpty() ? EMPTY : new Text(text);
  }

  static CellValue whole(long value) {
    return new Whole(value);
  }

  static CellValue money(@Nullable BigDecimal amount) {
    return amount == null ? EMPTY : new Money(amount);
  }

  static CellValue day(@Nullable LocalDate date) {
    return date == null ? EMPTY : new Day(date);
  }

  static CellValue label(String key, Object... arguments) {
    return new Label(key, Collections.unmodifiableList(Arrays.asList(arguments.clone())));
  }

  /** The label of an enum value under {@code <group>.<NAME>}, e.g. {@code needs.status.CLOSED}. */
  static CellValue choice(String group, @Nullable Enum<?> value) {
    return value == null ? EMPTY : label(group + "." + value.name());
  }
}
