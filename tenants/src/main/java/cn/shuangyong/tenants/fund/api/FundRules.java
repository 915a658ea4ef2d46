package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.web.ValidationException.FieldError;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of the fund and its grants, checked before any database work (each a 422 naming the
 * field): amounts above zero with at most two decimals and below an absurd ceiling (checked without
 * arithmetic on the given number, so {@code 1e999999999} costs nothing); an 18-digit PRC resident
 * ID number (GB 11643: a real birth date and the ISO 7064 MOD 11-2 check character); a mainland
 * mobile or landline phone; a household of 1 to 30; a special or urgent case with its reason; caps
 * in order; and the household's cap of the year.
 */
public final class FundRules {
  /** The largest amount {@code NUMERIC(14,2)} holds: the ceiling of an inflow. */
  public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  /** No single grant (requested, approved, paid) or cap comes near a million yuan. */
  public static final BigDecimal MAX_GRANT = new BigDecimal("1000000.00");

  /** A household's 12-month income above a hundred million yuan is a typing error. */
  public static final BigDecimal MAX_INCOME = new BigDecimal("100000000.00");

  public static final int MAX_HOUSEHOLD = 30;

  private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern PHONE =
      Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private FundRules() {}

  /**
   * The message key of what is wrong with {@code amount}, or null when valid: required, not
   * negative, above zero unless {@code zeroAllowed}, at most {@code max}, at most two decimals.
   */
  public static @Nullable String moneyProblem(
      @Nullable BigDecimal amount, boolean zeroAllowed, BigDecimal max) {
    if (amount == null) {
      return "fund.amount.required";
    }
    if (amount.signum() < 0) {
      return "fund.amount.negative";
    }
    if (!zeroAllowed && amount.signum() == 0) {
      return "fund.amount.zero";
    }
    if (amount.compareTo(max) > 0) {
      return "fund.amount.too-large";
    }
    // compared first, so the amount is small here and stripping its zeros is cheap
    if (amount.stripTrailingZeros().scale() > 2) {
      return "fund.amount.decimals";
    }
    return null;
  }

  /** The ID number as stored: trimmed, a lower-case {@code x} made upper-case. */
  public static String normalisedIdNumber(String idNumber) {
    return idNumber.strip().toUpperCase(Locale.ROOT);
  }

  /** The message key of what is wrong with a resident ID number, or null when valid. */
  public static @Nullable String idNumberProblem(@Nullable String idNumber, LocalDate today) {
    if (idNumber == null || idNumber.isBlank()) {
      return "grant.id-number.required";
    }
    String id = normalisedIdNumber(idNumber);
    if (!ID_SHAPE.matcher(id).matches()) {
      return "grant.id-number.format";
    }
    if (id.charAt(0) == '0' || id.charAt(0) == '9') {
      return "grant.id-number.region";
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return "grant.id-number.birth-date";
    }
    if (birth.getYear() < 1900 || birth.isAfter(today)) {
      return "grant.id-number.birth-date";
    }
    if (checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
      return "grant.id-number.checksum";
    }
    return null;
  }

  /** The check character of the first 17 digits of an ID number (ISO 7064 MOD 11-2). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** The phone as stored: spaces dropped. */
  public static String normalisedPhone(String phone) {
    return phone.replaceAll("[\\s\\p{Z}]", "");
  }

  public static boolean validPhone(@Nullable String phone) {
    return phone != null && PHONE.matcher(normalisedPhone(phone)).matches();
  }

  /** Every broken rule of an application (empty when it passes). */
  public static List<FieldError> check(FundCommands.Apply apply, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String id = idNumberProblem(apply.idNumber(), today);
    if (id != null) {
      errors.add(new FieldError("idNumber", id));
    }
    if (!validPhone(apply.phone())) {
      errors.add(new FieldError("phone", "grant.phone.invalid"));
    }
    Integer size = apply.householdSize();
    if (size == null) {
      errors.add(new FieldError("householdSize", "grant.household-size.required"));
    } else if (size < 1 || size > MAX_HOUSEHOLD) {
      errors.add(
          new FieldError(
              "householdSize", "grant.household-size.range", String.valueOf(MAX_HOUSEHOLD)));
    }
    money(errors, "income12Months", apply.income12Months(), true, MAX_INCOME);
    money(errors, "requestedAmount", apply.requestedAmount(), false, MAX_GRANT);
    if (apply.isSpecial() && blank(apply.specialReason())) {
      errors.add(new FieldError("specialReason", "grant.special-reason.required"));
    }
    if (apply.isUrgent() && blank(apply.urgentReason())) {
      errors.add(new FieldError("urgentReason", "grant.urgent-reason.required"));
    }
    return errors;
  }

  /** Every broken rule of an inflow's own input (empty when it passes). */
  public static List<FieldError> check(FundCommands.RecordInflow inflow, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    money(errors, "amount", inflow.amount(), false, MAX_MONEY);
    if (inflow.source() == FundTypes.InflowSource.DONATION && blank(inflow.donor())) {
      errors.add(new FieldError("donor", "fund.inflow.donor.required"));
    }
    if (inflow.date() != null && inflow.date().isAfter(today)) {
      errors.add(new FieldError("date", "fund.date.future"));
    }
    return errors;
  }

  /** Every broken rule of new caps (empty when they pass). */
  public static List<FieldError> check(FundCommands.SetCaps caps) {
    List<FieldError> errors = new ArrayList<>();
    money(errors, "minAmount", caps.minAmount(), false, MAX_GRANT);
    money(errors, "maxAmount", caps.maxAmount(), false, MAX_GRANT);
    money(errors, "specialMaxAmount", caps.specialMaxAmount(), false, MAX_GRANT);
    if (errors.isEmpty()
        && (caps.minAmount().compareTo(caps.maxAmount()) > 0
            || caps.maxAmount().compareTo(caps.specialMaxAmount()) > 0)) {
      errors.add(new FieldError("maxAmount", "fund.caps.order"));
    }
    return errors;
  }

  /** The cap of the household's year for a grant: the special maximum for special hardship. */
  public static BigDecimal cap(GrantCaps caps, boolean special) {
    return special ? caps.specialMaxAmount() : caps.maxAmount();
  }

  /**
   * The 422 when {@code amount} for one grant is below the standard's minimum, or takes the
   * household's approved and paid grants of the year ({@code counted}) past its cap; null when it
   * fits. The message names the year, what is counted, the cap and what is left.
   */
  public static @Nullable FieldError overCap(
      GrantCaps caps, boolean special, int year, BigDecimal counted, BigDecimal amount) {
    if (amount.compareTo(caps.minAmount()) < 0) {
      return new FieldError(
          "amount", "grant.amount.below-min", caps.minAmount().setScale(2).toPlainString());
    }
    BigDecimal cap = cap(caps, special);
    if (counted.add(amount).compareTo(cap) <= 0) {
      return null;
    }
    return new FieldError(
        "amount",
        special ? "grant.cap.special-exceeded" : "grant.cap.exceeded",
        String.valueOf(year),
        counted.setScale(2).toPlainString(),
        cap.setScale(2).toPlainString(),
        cap.subtract(counted).max(BigDecimal.ZERO).setScale(2).toPlainString());
  }

  private static void money(
      List<FieldError> errors,
      String field,
      @Nullable BigDecimal amount,
      boolean zeroAllowed,
      BigDecimal max) {
    String problem = moneyProblem(amount, zeroAllowed, max);
    if (problem != null) {
      errors.add(new FieldError(field, problem, max.toPlainString()));
    }
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}
