package cn.shuangyong.platform.web;

import java.time.LocalDate;

/**
 * The dates the platform accepts anywhere (JSON, query, import cells): 2000-01-01 to 2100-12-31.
 *
 * <p>Why this window: everything the platform keeps is the work of a 双拥 office since the platform
 * exists (lists of a year, deadlines, plans, payments); nothing of it predates 2000 or is planned
 * beyond 2100, so a date outside is a typo or an attack. And far outside it a date does not fail
 * cleanly, it wraps: Java reads years up to ±999,999,999, PostgreSQL's {@code date} ends in 5874897
 * AD, and the JDBC driver's conversion of a {@code LocalDate} in between overflows (a year in the
 * hundreds of millions reached PostgreSQL as a year BC, or as 2020, past the "not in the past"
 * rule). Checking the window where input is read stops every such date before any rule runs.
 */
public final class PlausibleDates {
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;
  public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
  public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

  private PlausibleDates() {}

  public static boolean plausible(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  public static boolean plausibleYear(long year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** A 400 naming {@code field} unless the date lies in the window. */
  public static LocalDate check(String field, LocalDate date) {
    if (date != null && !plausible(date)) {
      throw ValidationException.malformed(field, "validation.date-range", FIRST, LAST);
    }
    return date;
  }
}
