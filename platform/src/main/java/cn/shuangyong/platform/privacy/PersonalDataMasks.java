package cn.shuangyong.platform.privacy;

import io.micronaut.core.annotation.Nullable;

/**
 * How personal data is shown by default (lists, details, exports, audit details): enough to tell
 * two people apart and to recognise one's own, never enough to call or identify someone. The plain
 * value is answered only by an explicit, permitted and audited unmasking ({@link UnmaskingAudit}).
 */
public final class PersonalDataMasks {
  private static final String STARS = "****";

  private PersonalDataMasks() {}

  /**
   * A phone number: a mobile {@code 13912342345} reads {@code 139****2345}; a landline keeps its
   * area code, {@code 0573-85010001} reads {@code 0573-****0001}; any other number of eight digits
   * or more keeps its last four ({@code ****0001}), a shorter one its last two ({@code ****00}).
   */
  public static @Nullable String phone(@Nullable String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String trimmed = phone.trim();
    int separator = Math.max(trimmed.lastIndexOf('-'), trimmed.lastIndexOf(' '));
    if (separator > 0) {
      String local = digits(trimmed.substring(separator + 1));
      if (local.length() >= 7) {
        return trimmed.substring(0, separator + 1) + STARS + last(local, 4);
      }
    }
    String digits = digits(trimmed);
    if (digits.length() >= 11) {
      return digits.substring(0, 3) + STARS + last(digits, 4);
    }
    return STARS + last(digits, digits.length() >= 8 ? 4 : 2);
  }

  /**
   * A resident ID number: {@code 330482199001011234} reads {@code 330482********1234} (the region
   * of issue and the last four; the birth date hidden).
   */
  public static @Nullable String idNumber(@Nullable String idNumber) {
    if (idNumber == null || idNumber.isBlank()) {
      return null;
    }
    String trimmed = idNumber.trim();
    if (trimmed.length() >= 11) {
      return trimmed.substring(0, 6) + "********" + last(trimmed, 4);
    }
    return "*".repeat(Math.max(1, trimmed.length() - 2)) + last(trimmed, 2);
  }

  /** An e-mail address: {@code zhang.wei@example.com} reads {@code z***@example.com}. */
  public static @Nullable String email(@Nullable String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String trimmed = email.trim();
    int at = trimmed.lastIndexOf('@');
    String first = trimmed.substring(0, trimmed.offsetByCodePoints(0, 1));
    return at <= 0 ? first + "***" : first + "***" + trimmed.substring(at);
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  private static String last(String text, int count) {
    return text.substring(Math.max(0, text.length() - count));
  }
}
