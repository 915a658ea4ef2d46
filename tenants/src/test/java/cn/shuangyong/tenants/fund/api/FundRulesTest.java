package cn.shuangyong.tenants.fund.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fund's permission and workflow tables without a database: every role against reading,
 * unmasking and every action; every status against every step (urgent or not); and the rules of
 * money, ID numbers, phones, households and caps.
 */
class FundRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  /** Role → read, unmask | the actions in the order of {@link Action}. */
  private static final List<String> PERMISSIONS =
      List.of(
          // read unmask | SUBMIT REVIEW APPROVE REJECT PAY PAPERWORK ATTACH INFLOW CAPS
          "CITY_ADMIN        x x | . . x x x x x x x",
          "CITY_STAFF        x x | x x . . . x x x .",
          "SUPERVISOR        x . | . . . . . . . . .",
          "UNIT_HANDLER      . . | . . . . . . . . .",
          "GARRISON_LIAISON  . . | . . . . . . . . .",
          "PLATFORM_ADMIN    . . | . . . . . . . . .");

  /** Status → steps allowed (normal / urgent): REVIEW APPROVE REJECT PAY PAPERWORK ATTACH. */
  private static final List<String> WORKFLOW =
      List.of(
          // normal: REVIEW APPROVE REJECT PAY PAPERWORK ATTACH | urgent: the same
          "SUBMITTED  x . . . . x | x . . x . x",
          "REVIEWED   . x x . . x | . x x x . x",
          "REJECTED   . . . . . . | . . . . . .",
          "APPROVED   . . . x . x | . . . x . x",
          "PAID       . . . . x x | . . . . x x");

  private static final List<Action> STEPS =
      List.of(
          Action.REVIEW,
          Action.APPROVE,
          Action.REJECT,
          Action.PAY,
          Action.COMPLETE_PAPERWORK,
          Action.ATTACH);

  @Test
  void eachRoleReadsAndDoesExactlyWhatTheTableSays() {
    List<String> actual = new ArrayList<>();
    for (String line : PERMISSIONS) {
      Role role = Role.valueOf(line.substring(0, line.indexOf(' ')));
      CurrentUser user = new CurrentUser("u", "u", Set.of(role), "pinghu", null, 7L, 11L);
      StringBuilder row = new StringBuilder(String.format("%-17s", role.name()));
      row.append(FundPermissions.mayRead(user) ? " x" : " .");
      row.append(FundPermissions.mayOpenPersonalData(user) ? " x" : " .").append(" |");
      for (Action action : Action.values()) {
        row.append(FundPermissions.mayDo(user, action) ? " x" : " .");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(PERMISSIONS);
  }

  @Test
  void eachStatusAllowsExactlyTheStepsTheTableSays() {
    List<String> actual = new ArrayList<>();
    for (String line : WORKFLOW) {
      Status status = Status.valueOf(line.substring(0, line.indexOf(' ')));
      StringBuilder row = new StringBuilder(String.format("%-10s", status.name()));
      for (boolean urgent : new boolean[] {false, true}) {
        for (Action step : STEPS) {
          // a paid grant waits for its paperwork only when it was paid first, i.e. urgent here
          boolean pending = status == Status.PAID;
          row.append(FundWorkflow.allows(status, step, urgent, pending) ? " x" : " .");
        }
        row.append(urgent ? "" : " |");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(WORKFLOW);
    assertThat(FundWorkflow.allows(Status.PAID, Action.COMPLETE_PAPERWORK, true, false))
        .as("the paperwork is completed once")
        .isFalse();
    assertThat(FundWorkflow.next(Status.SUBMITTED, Action.REVIEW, true)).isEqualTo(Status.REVIEWED);
    assertThat(FundWorkflow.next(Status.SUBMITTED, Action.REVIEW, false))
        .isEqualTo(Status.REJECTED);
    assertThat(FundWorkflow.paysFirst(Status.SUBMITTED)).isTrue();
    assertThat(FundWorkflow.paysFirst(Status.REVIEWED)).isTrue();
    assertThat(FundWorkflow.paysFirst(Status.APPROVED)).isFalse();
  }

  @Test
  void theInboxOfEachRoleHoldsTheStepsItTakes() {
    CurrentUser staff = user(Role.CITY_STAFF);
    CurrentUser admin = user(Role.CITY_ADMIN);
    assertThat(FundPermissions.awaiting(staff)).containsExactly(Status.SUBMITTED);
    assertThat(FundPermissions.awaiting(admin))
        .containsExactlyInAnyOrder(Status.REVIEWED, Status.APPROVED);
    assertThat(FundPermissions.awaitsUrgentPayment(admin)).isTrue();
    assertThat(FundPermissions.awaitsUrgentPayment(staff)).isFalse();
    assertThat(FundPermissions.awaiting(user(Role.SUPERVISOR))).isEmpty();
  }

  @Test
  void aResidentIdNumberHas18CharactersARealBirthDateAndItsCheckCharacter() {
    assertThat(FundRules.idNumberProblem("11010519491231002X", TODAY)).isNull();
    assertThat(FundRules.idNumberProblem("11010519491231002x", TODAY)).as("lower-case x").isNull();
    assertThat(FundRules.idNumberProblem(" 11010519491231002X ", TODAY)).isNull();
    String valid = id("330482", "19800315", "123");
    assertThat(FundRules.idNumberProblem(valid, TODAY)).isNull();
    assertThat(FundRules.idNumberProblem("110105194912310021", TODAY))
        .isEqualTo("grant.id-number.checksum");
    assertThat(FundRules.idNumberProblem("1101051949123100", TODAY))
        .isEqualTo("grant.id-number.format");
    assertThat(FundRules.idNumberProblem("11010519491231002Y", TODAY))
        .isEqualTo("grant.id-number.format");
    assertThat(FundRules.idNumberProblem("33048219801315123X", TODAY))
        .isEqualTo("grant.id-number.birth-date");
    assertThat(FundRules.idNumberProblem(id("330482", "20300101", "123"), TODAY))
        .as("born in the future")
        .isEqualTo("grant.id-number.birth-date");
    assertThat(FundRules.idNumberProblem(id("030482", "19800315", "123"), TODAY))
        .isEqualTo("grant.id-number.region");
    assertThat(FundRules.idNumberProblem("", TODAY)).isEqualTo("grant.id-number.required");
  }

  @Test
  void phonesHouseholdsAndReasonsAreCheckedTogether() {
    assertThat(FundRules.validPhone("13957312345")).isTrue();
    assertThat(FundRules.validPhone("139 5731 2345")).isTrue();
    assertThat(FundRules.validPhone("0573-85010001")).isTrue();
    assertThat(FundRules.validPhone("12345")).isFalse();
    assertThat(FundRules.validPhone("1395731234a")).isFalse();
    List<FieldError> errors =
        FundRules.check(
            new FundCommands.Apply(
                "张三",
                ApplicantType.VETERAN,
                "110105194912310021",
                "123",
                0,
                new BigDecimal("-1"),
                "因病致困",
                new BigDecimal("1.234"),
                true,
                " ",
                true,
                null),
            TODAY);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "idNumber",
            "phone",
            "householdSize",
            "income12Months",
            "requestedAmount",
            "specialReason",
            "urgentReason");
    assertThat(FundRules.check(apply(31, "3000"), TODAY))
        .extracting(FieldError::messageKey)
        .containsExactly("grant.household-size.range");
    assertThat(FundRules.check(apply(3, "3000"), TODAY)).isEmpty();
    assertThat(FundRules.check(apply(3, "1e999999999"), TODAY))
        .extracting(FieldError::messageKey)
        .containsExactly("fund.amount.too-large");
    assertThat(FundRules.check(apply(3, "0"), TODAY))
        .extracting(FieldError::messageKey)
        .containsExactly("fund.amount.zero");
  }

  @Test
  void theCapCountsTheHouseholdsYearAndTheSpecialCapRaisesIt() {
    GrantCaps caps =
        new GrantCaps(
            new BigDecimal("2000.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"));
    assertThat(FundRules.overCap(caps, false, 2026, BigDecimal.ZERO, new BigDecimal("5000")))
        .isNull();
    FieldError over =
        FundRules.overCap(caps, false, 2026, new BigDecimal("3000.00"), new BigDecimal("2000.01"));
    assertThat(over.messageKey()).isEqualTo("grant.cap.exceeded");
    assertThat(over.arguments()).containsExactly("2026", "3000.00", "5000.00", "2000.00");
    assertThat(
            FundRules.overCap(caps, true, 2026, new BigDecimal("3000.00"), new BigDecimal("7000")))
        .isNull();
    assertThat(
            FundRules.overCap(
                    caps, true, 2026, new BigDecimal("3000.00"), new BigDecimal("7000.01"))
                .messageKey())
        .isEqualTo("grant.cap.special-exceeded");
    assertThat(
            FundRules.overCap(caps, false, 2026, BigDecimal.ZERO, new BigDecimal("1999.99"))
                .messageKey())
        .isEqualTo("grant.amount.below-min");
    assertThat(
            FundRules.check(
                new FundCommands.SetCaps(
                    new BigDecimal("6000"), new BigDecimal("5000"), new BigDecimal("10000"))))
        .extracting(FieldError::messageKey)
        .containsExactly("fund.caps.order");
  }

  static FundCommands.Apply apply(int household, String amount) {
    return new FundCommands.Apply(
        "李四",
        ApplicantType.MARTYR_FAMILY,
        id("330482", "19650704", "041"),
        "13957312345",
        household,
        new BigDecimal("18000"),
        "家庭成员重病",
        new BigDecimal(amount),
        null,
        null,
        null,
        null);
  }

  /** A valid resident ID number of a region, a birth date and a sequence. */
  static String id(String region, String birth, String sequence) {
    String first = region + birth + sequence;
    return first + FundRules.checkCharacter(first);
  }

  private static CurrentUser user(Role role) {
    return new CurrentUser("u", "u", Set.of(role), "pinghu", null, null, null);
  }
}
