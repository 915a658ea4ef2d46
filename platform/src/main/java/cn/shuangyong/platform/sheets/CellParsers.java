package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.PlausibleDates;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parsers most import columns need; a feature may write its own {@link CellParser}. */
public final class CellParsers {
  /** Dates outside these years are typing errors, never wrapped into a plausible one. */
  public static final int FIRST_YEAR = PlausibleDates.FIRST_YEAR;

  public static final int LAST_YEAR = PlausibleDates.LAST_YEAR;

  /**
   * A date as the UI's date fields read it: ISO, the same with / or . (one separator throughout),
   * or 2026年12月20日; leading zeros optional.
   */
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)");

  private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  private CellParsers() {}

  /** Text of at most {@code maxLength} characters. */
  public static CellParser<String> text(int maxLength) {
    return (text, labels) -> text.length() <= maxLength ? Optional.of(text) : Optional.empty();
  }

  /** A whole number from {@code min} to {@code max}. */
  public static CellParser<Integer> integer(int min, int max) {
    return (text, labels) -> {
      try {
        int value = Integer.parseInt(text);
        return value < min || value > max ? Optional.empty() : Optional.of(value);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    };
  }

  /**
   * A date as yyyy-MM-dd (a date cell reads so too), or in the Chinese forms the UI's date fields
   * take too (2026/12/20, 2026.12.20, 2026年12月20日, leading zeros optional), so that a list typed as
   * an office writes dates imports as the form would take them; within a plausible range of years.
   */
  public static CellParser<LocalDate> date() {
    return (text, labels) -> {
      Matcher parts = DATE.matcher(text.strip());
      if (!parts.matches()) {
        return Optional.empty();
      }
      boolean chinese = parts.group(2) == null;
      try {
        LocalDate date =
            LocalDate.of(
                Integer.parseInt(parts.group(1)),
                Integer.parseInt(parts.group(chinese ? 5 : 3)),
                Integer.parseInt(parts.group(chinese ? 6 : 4)));
        boolean plausible = date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
        return plausible ? Optional.of(date) : Optional.empty();
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    };
  }

  /** Money as NUMERIC(14,2): not negative, at most two decimals, exact (no double on the way). */
  public static CellParser<BigDecimal> money() {
    return (text, labels) -> {
      try {
        BigDecimal amount = new BigDecimal(text.replace(",", ""));
        boolean fits =
            amount.signum() >= 0
                && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(MAX_MONEY) <= 0;
        return fits ? Optional.of(amount.setScale(2)) : Optional.empty();
      } catch (NumberFormatException | ArithmeticException e) {
        return Optional.empty();
      }
    };
  }

  /**
   * An enum value by its label under {@code <group>.<NAME>} in any supported language (what an
   * export or a template of either language shows), or by its name.
   */
  public static <E extends Enum<E>> CellParser<E> choice(Class<E> type, String group) {
    return (text, labels) ->
        Arrays.stream(type.getEnumConstants())
            .filter(value -> names(value, group, labels, text))
            .findFirst();
  }

  private static boolean names(Enum<?> value, String group, SheetLabels labels, String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return value.name().toLowerCase(Locale.ROOT).equals(wanted)
        || labels.inEveryLanguage(group + "." + value.name()).stream()
            .anyMatch(label -> label.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
