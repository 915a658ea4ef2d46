package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The business rules of a project's input, checked before any database work (each a 422 naming the
 * field): money that fits {@code NUMERIC(14,2)} (not negative, at most two decimals, at most
 * 999,999,999,999.99), a planned end not before the start, at least one benefiting garrison unit,
 * no empty ids. Checked without arithmetic on the given number, so an absurd {@code 1e999999999}
 * costs nothing.
 */
public final class ProjectRules {
  /** The largest amount {@code NUMERIC(14,2)} holds. */
  public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  private ProjectRules() {}

  /** The message key of what is wrong with {@code amount}, or null when it is a valid amount. */
  public static @Nullable String moneyProblem(@Nullable BigDecimal amount) {
    if (amount == null) {
      return "project.budget.required";
    }
    if (amount.signum() < 0) {
      return "project.budget.negative";
    }
    if (amount.compareTo(MAX_MONEY) > 0) {
      return "project.budget.too-large";
    }
    // compared first, so the amount is small here and stripping its zeros is cheap
    if (amount.stripTrailingZeros().scale() > 2) {
      return "project.budget.decimals";
    }
    return null;
  }

  /** Every broken rule of a new project's input (empty when it passes). */
  public static List<ValidationException.FieldError> check(ProjectCommands.Create command) {
    List<ValidationException.FieldError> errors = new ArrayList<>();
    String money = moneyProblem(command.budget());
    if (money != null) {
      errors.add(new ValidationException.FieldError("budget", money));
    }
    if (command.responsibleUnitId() == null) {
      errors.add(
          new ValidationException.FieldError(
              "responsibleUnitId", "project.responsible-unit.required"));
    }
    List<Long> units = command.garrisonUnitIds();
    if (units == null || units.isEmpty()) {
      errors.add(
          new ValidationException.FieldError("garrisonUnitIds", "project.garrison-units.required"));
    } else if (units.stream().anyMatch(Objects::isNull)) {
      errors.add(
          new ValidationException.FieldError("garrisonUnitIds", "project.garrison-units.unknown"));
    }
    if (command.needIds() != null && command.needIds().stream().anyMatch(Objects::isNull)) {
      errors.add(new ValidationException.FieldError("needIds", "project.needs.unknown"));
    }
    LocalDate start = command.plannedStart();
    LocalDate end = command.plannedEnd();
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new ValidationException.FieldError("plannedEnd", "project.dates.order"));
    }
    return errors;
  }

  /** The ids without repeats, in the order given. */
  public static List<Long> distinct(@Nullable List<Long> ids) {
    return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
  }
}
