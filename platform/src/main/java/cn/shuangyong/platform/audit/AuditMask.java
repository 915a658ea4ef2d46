package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.privacy.PersonalDataMasks;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data before it enters the audit trail, which is append-only and sealed: what is
 * written there in clear can never be taken back. A field named like a phone, an ID number or an
 * e-mail address is masked whatever it holds, and in every other text a mainland mobile number, an
 * 18-character resident ID number or an e-mail address is masked where it appears. Masking twice
 * gives the same text. Each kind is masked as everywhere else ({@link PersonalDataMasks}).
 */
final class AuditMask {
  private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  private static final Pattern EMAIL =
      Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
  private static final List<String> PHONE_NAMES = List.of("phone", "mobile", "telephone");
  private static final List<String> ID_NAMES = List.of("idnumber", "idcard", "identity");

  private AuditMask() {}

  /** The field's value masked by its name, or by what it holds. */
  static Object field(String name, Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(item -> field(name, item)).toList();
    }
    if (!(value instanceof String text)) {
      return value;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("email") || lower.contains("mail")) {
      return email(text);
    }
    if (PHONE_NAMES.stream().anyMatch(lower::contains)) {
      return phone(text);
    }
    if (ID_NAMES.stream().anyMatch(lower::contains)) {
      return idNumber(text);
    }
    return text(text);
  }

  /** Free text with every mobile number, ID number and e-mail address in it masked. */
  static String text(String text) {
    String masked = replace(ID_NUMBER, text, AuditMask::idNumber);
    masked = replace(MOBILE, masked, AuditMask::phone);
    Matcher mail = EMAIL.matcher(masked);
    return mail.replaceAll(
        found -> Matcher.quoteReplacement(found.group(1) + "***@" + found.group(2)));
  }

  /** The phone masked as everywhere ({@link PersonalDataMasks#phone}). */
  static @Nullable String phone(@Nullable String phone) {
    return phone == null || phone.isBlank() || phone.contains("*")
        ? phone
        : PersonalDataMasks.phone(phone);
  }

  /** The ID number masked as everywhere ({@link PersonalDataMasks#idNumber}). */
  static String idNumber(String id) {
    return id.isBlank() || id.contains("*") ? id : PersonalDataMasks.idNumber(id);
  }

  /** The e-mail masked as everywhere; text that is no address is masked as free text. */
  static String email(String email) {
    if (email.contains("***@")) {
      return email;
    }
    return email.indexOf('@') < 1 ? text(email) : PersonalDataMasks.email(email);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
    return pattern
        .matcher(text)
        .replaceAll(found -> Matcher.quoteReplacement(mask.apply(found.group())));
  }
}
