package cn.shuangyong.platform.sheets;

import cn.shuangyong.platform.web.Messages;
import jakarta.inject.Singleton;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The texts of a sheet in the reader's language, from the same bundles the UI reads (through {@link
 * Messages}): one key is one text on screen, in the export and in print.
 */
@Singleton
public class SheetLabels {
  private final Messages messages;

  public SheetLabels(Messages messages) {
    this.messages = messages;
  }

  public String label(Locale locale, String key, Object... arguments) {
    return messages.get(locale, key, arguments);
  }

  /** A key's text in every supported language: what an import accepts for that value. */
  public List<String> inEveryLanguage(String key) {
    return Messages.SUPPORTED.stream().map(locale -> messages.get(locale, key)).toList();
  }

  /** The value as the printable page shows it: dates ISO, money with two decimals. */
  public String text(CellValue value, Locale locale) {
    if (value instanceof CellValue.Text text) {
      return text.text();
    }
    if (value instanceof CellValue.Whole whole) {
      return Long.toString(whole.value());
    }
    if (value instanceof CellValue.Money money) {
      return money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    if (value instanceof CellValue.Day day) {
      return day.date().toString();
    }
    if (value instanceof CellValue.Label label) {
      Object[] arguments =
          label.arguments().stream()
              .map(
                  argument ->
                      argument instanceof CellValue nested ? text(nested, locale) : argument)
              .toArray();
      return messages.get(locale, label.key(), arguments);
    }
    return "";
  }
}
