package cn.shuangyong.ui.support;

import cn.shuangyong.platform.web.PlausibleDates;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every date field of the UI comes from here, so that all of them read and show dates alike.
 *
 * <p>Why: Vaadin's picker otherwise takes its one input format from the browser's locale (zh-CN:
 * {@code 2026/12/20} only, so the ISO date the Excel import and the API take turned the field red),
 * shows its calendar in English, starts the week on Sunday and says nothing about an input it
 * cannot read. Here the field shows {@code yyyy-MM-dd}, also reads {@code 2026/12/20}, {@code
 * 2026.12.20} and {@code 2026年12月20日} (leading zeros optional, as {@code CellParsers.date()} does),
 * starts the week on Monday (as calendars in China do), names months and weekdays in the UI's
 * language, and says why a date is refused. The range is the server's {@link PlausibleDates}
 * window, so the field refuses what the service would.
 */
public final class DateFields {
  /** The display format first (what the field shows), then the forms it also reads. */
  static final List<String> FORMATS =
      List.of("yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日");

  private DateFields() {}

  /** A date field with {@code label}, set up as every date field of the UI is. */
  public static DatePicker create(String label) {
    return apply(new DatePicker(label));
  }

  /**
   * Sets up {@code picker} in the UI's current language: formats, calendar labels, Monday first,
   * the plausible range and the messages of a refused input.
   */
  public static DatePicker apply(DatePicker picker) {
    Locale locale = picker.getLocale();
    picker.setLocale(locale);
    DatePickerI18n i18n = new DatePickerI18n();
    i18n.setDateFormats(FORMATS.get(0), FORMATS.subList(1, FORMATS.size()).toArray(String[]::new));
    i18n.setFirstDayOfWeek(1);
    i18n.setMonthNames(
        Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList());
    // Vaadin's weekdays start on Sunday whatever the first day of the week
    List<DayOfWeek> sundayFirst =
        List.of(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);
    i18n.setWeekdays(
        sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
    i18n.setWeekdaysShort(
        sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
    i18n.setToday(picker.getTranslation("date.today"));
    i18n.setCancel(picker.getTranslation("action.cancel"));
    i18n.setBadInputErrorMessage(picker.getTranslation("date.bad-input"));
    i18n.setRequiredErrorMessage(picker.getTranslation("date.required"));
    picker.setI18n(i18n);
    picker.setPlaceholder(picker.getTranslation("date.placeholder"));
    earliest(picker, PlausibleDates.FIRST);
    latest(picker, PlausibleDates.LAST);
    return picker;
  }

  /**
   * The earliest date {@code picker} takes (never before the plausible window), and its message.
   */
  public static void earliest(DatePicker picker, LocalDate min) {
    LocalDate earliest = min.isBefore(PlausibleDates.FIRST) ? PlausibleDates.FIRST : min;
    picker.setMin(earliest);
    DatePickerI18n i18n = picker.getI18n() == null ? new DatePickerI18n() : picker.getI18n();
    picker.setI18n(
        i18n.setMinErrorMessage(picker.getTranslation("date.too-early", earliest.toString())));
  }

  /** The latest date {@code picker} takes (never after the plausible window), and its message. */
  public static void latest(DatePicker picker, LocalDate max) {
    LocalDate latest = max.isAfter(PlausibleDates.LAST) ? PlausibleDates.LAST : max;
    picker.setMax(latest);
    DatePickerI18n i18n = picker.getI18n() == null ? new DatePickerI18n() : picker.getI18n();
    picker.setI18n(
        i18n.setMaxErrorMessage(picker.getTranslation("date.too-late", latest.toString())));
  }
}
