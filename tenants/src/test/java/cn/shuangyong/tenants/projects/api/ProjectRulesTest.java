package cn.shuangyong.tenants.projects.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.ProgressSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The projects' workflow, permission and money tables without a database: every status against
 * every action, every caller against every action and against a project of its unit or another's,
 * progress from its sources, and the amounts NUMERIC(14,2) takes or refuses.
 */
class ProjectRulesTest {
  private static final long GARRISON = 7;
  private static final long OTHER_GARRISON = 8;
  private static final long RESPONSIBLE = 11;
  private static final long OTHER_RESPONSIBLE = 12;

  /** Status → the actions it allows, in the order of {@link Action}. */
  private static final List<String> WORKFLOW =
      List.of(
          // CREATE START FINISH CANCEL ADD_MILESTONE COMPLETE_MILESTONE
          //   ENTER_PROGRESS CLEAR_PROGRESS LINK_NEED UNLINK_NEED UPDATE ADD_ATTACHMENT
          //   DELETE_ATTACHMENT
          "PLANNED     . x . x x x x x x x x x x",
          "IN_PROGRESS . . x x x x x x x x x x x",
          "DONE        . . . . . . . . x x . x x",
          "CANCELLED   . . . . . . . . . . . x x");

  /** Caller → may see its project, may see another's, then the actions it may do. */
  private static final List<String> PERMISSIONS =
      List.of(
          // seesOwn seesOther | CREATE START FINISH CANCEL ADD_MILESTONE COMPLETE_MILESTONE
          //   ENTER_PROGRESS CLEAR_PROGRESS LINK_NEED UNLINK_NEED UPDATE ADD_ATTACHMENT
          //   DELETE_ATTACHMENT
          "CITY_ADMIN        x x | x x x x x x x x x x x x x",
          "CITY_STAFF        x x | x x x x x x x x x x x x x",
          "SUPERVISOR        x x | . . . . . . . . . . . . .",
          "UNIT_HANDLER      x . | . . . . . . . . . . . . .",
          "GARRISON_LIAISON  x . | . . . . . . . . . . . . .",
          "PLATFORM_ADMIN    . . | . . . . . . . . . . . . .");

  @Test
  void eachStatusAllowsExactlyTheActionsOfTheTable() {
    List<String> actual = new ArrayList<>();
    for (Status status : Status.values()) {
      StringBuilder row = new StringBuilder(String.format("%-11s", status.name()));
      for (Action action : Action.values()) {
        row.append(ProjectWorkflow.allows(status, action) ? " x" : " .");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(WORKFLOW);
  }

  @Test
  void theStepsLeadWhereThePlanSays() {
    assertThat(ProjectWorkflow.next(Status.PLANNED, Action.START)).isEqualTo(Status.IN_PROGRESS);
    assertThat(ProjectWorkflow.next(Status.IN_PROGRESS, Action.FINISH)).isEqualTo(Status.DONE);
    assertThat(ProjectWorkflow.next(Status.PLANNED, Action.CANCEL)).isEqualTo(Status.CANCELLED);
    assertThat(ProjectWorkflow.next(Status.IN_PROGRESS, Action.CANCEL)).isEqualTo(Status.CANCELLED);
    assertThat(ProjectWorkflow.next(Status.IN_PROGRESS, Action.COMPLETE_MILESTONE))
        .isEqualTo(Status.IN_PROGRESS);
    assertThat(ProjectWorkflow.next(Status.PLANNED, Action.ADD_MILESTONE))
        .isEqualTo(Status.PLANNED);
  }

  @Test
  void eachCallerSeesAndDoesExactlyWhatTheTableSays() {
    List<String> actual = new ArrayList<>();
    for (String line : PERMISSIONS) {
      Role role = Role.valueOf(line.substring(0, line.indexOf(' ')));
      CurrentUser user = user(role);
      StringBuilder row = new StringBuilder(String.format("%-17s", role.name()));
      row.append(ProjectPermissions.maySee(user, project(GARRISON, RESPONSIBLE)) ? " x" : " .");
      row.append(
          ProjectPermissions.maySee(user, project(OTHER_GARRISON, OTHER_RESPONSIBLE))
              ? " x"
              : " .");
      row.append(" |");
      for (Action action : Action.values()) {
        row.append(ProjectPermissions.mayDo(user, action) ? " x" : " .");
      }
      actual.add(row.toString());
    }
    assertThat(actual).containsExactlyElementsOf(PERMISSIONS);
  }

  @Test
  void aLiaisonSeesAProjectWhenItsUnitIsOneOfSeveralBeneficiaries() {
    Project shared = project(List.of(OTHER_GARRISON, GARRISON), OTHER_RESPONSIBLE);
    assertThat(ProjectPermissions.maySee(user(Role.GARRISON_LIAISON), shared)).isTrue();
    CurrentUser unbound =
        new CurrentUser("x", "x", Set.of(Role.GARRISON_LIAISON), "pinghu", null, null, null);
    assertThat(ProjectPermissions.maySee(unbound, shared)).isFalse();
  }

  @Test
  void progressSaysWhereItComesFrom() {
    assertThat(ProjectWorkflow.progress(Status.PLANNED, null, 0, 0))
        .isEqualTo(new ProjectWorkflow.Progress(0, ProgressSource.NONE));
    assertThat(ProjectWorkflow.progress(Status.IN_PROGRESS, null, 3, 1))
        .isEqualTo(new ProjectWorkflow.Progress(33, ProgressSource.MILESTONES));
    assertThat(ProjectWorkflow.progress(Status.IN_PROGRESS, null, 3, 3))
        .isEqualTo(new ProjectWorkflow.Progress(100, ProgressSource.MILESTONES));
    assertThat(ProjectWorkflow.progress(Status.IN_PROGRESS, 40, 3, 3))
        .isEqualTo(new ProjectWorkflow.Progress(40, ProgressSource.ENTERED));
    assertThat(ProjectWorkflow.progress(Status.DONE, 40, 3, 1))
        .isEqualTo(new ProjectWorkflow.Progress(100, ProgressSource.STATUS));
  }

  @Test
  void moneyFitsNumeric14Comma2OrSaysWhy() {
    assertThat(ProjectRules.moneyProblem(new BigDecimal("0"))).isNull();
    assertThat(ProjectRules.moneyProblem(new BigDecimal("3500000.00"))).isNull();
    assertThat(ProjectRules.moneyProblem(new BigDecimal("1.50000"))).isNull();
    assertThat(ProjectRules.moneyProblem(new BigDecimal("999999999999.99"))).isNull();
    assertThat(ProjectRules.moneyProblem(null)).isEqualTo("project.budget.required");
    assertThat(ProjectRules.moneyProblem(new BigDecimal("-0.01")))
        .isEqualTo("project.budget.negative");
    assertThat(ProjectRules.moneyProblem(new BigDecimal("1000000000000")))
        .isEqualTo("project.budget.too-large");
    assertThat(ProjectRules.moneyProblem(new BigDecimal("1e999999999")))
        .isEqualTo("project.budget.too-large");
    assertThat(ProjectRules.moneyProblem(new BigDecimal("0.001")))
        .isEqualTo("project.budget.decimals");
    assertThat(ProjectRules.moneyProblem(new BigDecimal("1e-999999999")))
        .isEqualTo("project.budget.decimals");
  }

  @Test
  void anEndBeforeTheStartAndMissingUnitsAreEachNamed() {
    ProjectCommands.Create command =
        new ProjectCommands.Create(
            "营区道路",
            "基础设施",
            Arrays.asList(GARRISON, null),
            null,
            new BigDecimal("10.00"),
            FundingSource.FISCAL,
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 4, 30),
            null,
            null);
    assertThat(ProjectRules.check(command))
        .extracting(error -> error.field() + ":" + error.messageKey())
        .containsExactlyInAnyOrder(
            "responsibleUnitId:project.responsible-unit.required",
            "garrisonUnitIds:project.garrison-units.unknown",
            "plannedEnd:project.dates.order");
  }

  @Test
  void unitsAndNeedsGivenAsImmutableListsAreCheckedWithoutFailing() {
    // List.of(...) refuses to be asked whether it holds a null: the rules must not ask it so
    ProjectCommands.Create command =
        new ProjectCommands.Create(
            "营区道路",
            "基础设施",
            List.of(GARRISON),
            RESPONSIBLE,
            new BigDecimal("10.00"),
            FundingSource.FISCAL,
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 30),
            List.of(3L),
            null);
    assertThat(ProjectRules.check(command)).isEmpty();
  }

  private static CurrentUser user(Role role) {
    return new CurrentUser(
        "u",
        "U",
        Set.of(role),
        role == Role.SUPERVISOR || role == Role.PLATFORM_ADMIN ? null : "pinghu",
        role == Role.SUPERVISOR ? "zj" : null,
        role == Role.GARRISON_LIAISON ? GARRISON : null,
        role == Role.UNIT_HANDLER ? RESPONSIBLE : null);
  }

  private static Project project(long garrison, long responsible) {
    return project(List.of(garrison), responsible);
  }

  private static Project project(List<Long> garrisons, long responsible) {
    return new Project(
        1,
        2026,
        "项目",
        "基础设施",
        garrisons,
        List.of(),
        responsible,
        "单位",
        BigDecimal.TEN,
        FundingSource.FISCAL,
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        Status.PLANNED,
        null,
        0,
        ProgressSource.NONE,
        0,
        0,
        0,
        List.of(),
        List.of(),
        Instant.EPOCH,
        "u",
        Instant.EPOCH,
        null,
        null);
  }
}
