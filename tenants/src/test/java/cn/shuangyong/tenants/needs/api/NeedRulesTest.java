package cn.shuangyong.tenants.needs.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 双清单's workflow and permission tables, without a database: every status against every action,
 * and every caller against every action in both directions, compared with the tables as practised
 * (written out below, one row per status or caller).
 */
class NeedRulesTest {
  private static final long GARRISON = 7;
  private static final long OTHER_GARRISON = 8;
  private static final long RESPONSIBLE = 11;
  private static final long OTHER_RESPONSIBLE = 12;

  /** Status → the actions it allows, in the order of {@link Action}. */
  private static final List<String> WORKFLOW =
      List.of(
          // SUBMIT ACCEPT REJECT PROGRESS COMPLETE CONFIRM REOPEN SUPERVISE WITHDRAW
          // PROGRESS_ON_BEHALF COMPLETE_ON_BEHALF
          "SUBMITTED   . x x . . . . x x . .",
          "ACCEPTED    . . . x x . . x . x x",
          "REJECTED    . . . . . . . . . . .",
          "IN_PROGRESS . . . x x . . x . x x",
          "COMPLETED   . . . . . x . . . . .",
          "CLOSED      . . . . . . . . . . .",
          "WITHDRAWN   . . . . . . . . . . .");

  @Test
  void eachStatusAllowsExactlyTheActionsOfTheTable() {
    assertThat(Action.values())
        .containsExactly(
            Action.SUBMIT,
            Action.ACCEPT,
            Action.REJECT,
            Action.PROGRESS,
            Action.COMPLETE,
            Action.CONFIRM,
            Action.REOPEN,
            Action.SUPERVISE,
            Action.WITHDRAW,
            Action.PROGRESS_ON_BEHALF,
            Action.COMPLETE_ON_BEHALF);
    List<String> actual = new ArrayList<>();
    for (Status status : Status.values()) {
      StringBuilder row = new StringBuilder(String.format("%-11s", status.name()));
      for (Action action : Action.values()) {
        row.append(NeedWorkflow.allows(status, action) ? " x" : " .");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(WORKFLOW);
  }

  @Test
  void confirmingClosesUnlessTheRequesterIsUnsatisfied() {
    assertThat(NeedWorkflow.next(Status.COMPLETED, Action.CONFIRM, Satisfaction.SATISFIED))
        .isEqualTo(Status.CLOSED);
    assertThat(
            NeedWorkflow.next(Status.COMPLETED, Action.CONFIRM, Satisfaction.BASICALLY_SATISFIED))
        .isEqualTo(Status.CLOSED);
    assertThat(NeedWorkflow.next(Status.COMPLETED, Action.CONFIRM, Satisfaction.UNSATISFIED))
        .isEqualTo(Status.IN_PROGRESS);
    assertThat(NeedWorkflow.next(Status.ACCEPTED, Action.SUPERVISE, null))
        .as("督办 changes no status")
        .isEqualTo(Status.ACCEPTED);
    assertThat(NeedWorkflow.next(Status.SUBMITTED, Action.WITHDRAW, null))
        .isEqualTo(Status.WITHDRAWN);
    assertThat(NeedWorkflow.recorded(Action.COMPLETE, null, true))
        .isEqualTo(Action.COMPLETE_ON_BEHALF);
    assertThat(NeedWorkflow.recorded(Action.PROGRESS, null, true))
        .isEqualTo(Action.PROGRESS_ON_BEHALF);
    assertThat(NeedWorkflow.recorded(Action.PROGRESS, null, false)).isEqualTo(Action.PROGRESS);
    assertThat(NeedWorkflow.next(Status.ACCEPTED, Action.COMPLETE_ON_BEHALF, null))
        .isEqualTo(Status.COMPLETED);
    assertThat(Status.WITHDRAWN.isOpen()).as("a withdrawn need is no open item").isFalse();
  }

  /**
   * Caller → the actions it may take on an accepted need of its garrison unit assigned to its
   * responsible unit (FOR_TROOPS), then on the mirror FOR_CIVILIANS need, in the order of {@link
   * Action}.
   */
  private static final List<String> PERMISSIONS =
      List.of(
          // caller            FOR_TROOPS        FOR_CIVILIANS
          "admin             | x x x . . . . x x . . | x x x . . . . x x . .",
          "staff             | x x x x x . . . x x x | x x x x x x . . x x x",
          "handler           | . . . x x . . . . . . | . . . . . . . . . . .",
          "other handler     | . . . . . . . . . . . | . . . . . . . . . . .",
          "liaison           | x . . . . x . . x . . | x . . x x . . . . . .",
          "other liaison     | x . . . . . . . . . . | x . . . . . . . . . .",
          "supervisor        | . . . . . . . x . . . | . . . . . . . x . . .");

  @Test
  void eachCallerMayTakeExactlyTheActionsOfTheTable() {
    List<String> actual = new ArrayList<>();
    for (Caller caller : Caller.values()) {
      StringBuilder row = new StringBuilder(String.format("%-17s", caller.label));
      for (Direction direction : Direction.values()) {
        row.append(" |");
        Need need = acceptedNeed(direction);
        for (Action action : Action.values()) {
          row.append(NeedPermissions.mayDo(caller.user, need, action) ? " x" : " .");
        }
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(PERMISSIONS);
  }

  @Test
  void aLiaisonSeesItsUnitsNeedsAndAHandlerItsAssignmentsOnly() {
    Need need = acceptedNeed(Direction.FOR_TROOPS);
    assertThat(NeedPermissions.maySee(Caller.LIAISON.user, need)).isTrue();
    assertThat(NeedPermissions.maySee(Caller.OTHER_LIAISON.user, need)).isFalse();
    assertThat(NeedPermissions.maySee(Caller.HANDLER.user, need)).isTrue();
    assertThat(NeedPermissions.maySee(Caller.OTHER_HANDLER.user, need)).isFalse();
    assertThat(NeedPermissions.maySee(Caller.SUPERVISOR.user, need)).isTrue();
  }

  private enum Caller {
    ADMIN("admin", user(Role.CITY_ADMIN, null, null)),
    STAFF("staff", user(Role.CITY_STAFF, null, null)),
    HANDLER("handler", user(Role.UNIT_HANDLER, null, RESPONSIBLE)),
    OTHER_HANDLER("other handler", user(Role.UNIT_HANDLER, null, OTHER_RESPONSIBLE)),
    LIAISON("liaison", user(Role.GARRISON_LIAISON, GARRISON, null)),
    OTHER_LIAISON("other liaison", user(Role.GARRISON_LIAISON, OTHER_GARRISON, null)),
    SUPERVISOR("supervisor", user(Role.SUPERVISOR, null, null));

    final String label;
    final CurrentUser user;

    Caller(String label, CurrentUser user) {
      this.label = label;
      this.user = user;
    }
  }

  private static CurrentUser user(Role role, Long garrisonUnit, Long responsibleUnit) {
    return new CurrentUser(
        role.name(),
        role.name(),
        Set.of(role),
        role == Role.SUPERVISOR ? null : "pinghu",
        role == Role.SUPERVISOR ? "jiaxing" : null,
        garrisonUnit,
        responsibleUnit);
  }

  private static Need acceptedNeed(Direction direction) {
    Instant at = Instant.parse("2026-06-01T00:00:00Z");
    return new Need(
        1,
        2026,
        direction,
        "营区道路维修",
        null,
        "营区建设",
        GARRISON,
        "驻平某部",
        Source.COLLECTED,
        null,
        Status.ACCEPTED,
        RESPONSIBLE,
        "交通运输局",
        null,
        null,
        0,
        null,
        null,
        null,
        0,
        false,
        false,
        at,
        "someone",
        at,
        null,
        null);
  }
}
