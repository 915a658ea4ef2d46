package cn.shuangyong.tenants.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedEvent;
import cn.shuangyong.tenants.needs.api.NeedIndicators;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.tenants.units.api.UnitService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo province's 双清单 as a visitor finds it on a fresh database: needs worked through the
 * workflow by the demo's people at past times, so a closed need has its whole history, the
 * dashboard's figures are those of real work (some late), the bell holds a few recent notices, and
 * the responsible units have someone to call. A restart loads nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNeedsStoryTest {
  private Map<String, String> database;
  private ApplicationContext node;
  private NeedService needs;
  private TenantContext staff;
  private int year;

  @BeforeAll
  void startOnAFreshDatabase() {
    database = TestInfrastructure.get().freshDatabase();
    node = start();
    needs = node.getBean(NeedService.class);
    staff = enter("pinghu.staff");
    year = LocalDate.now(node.getBean(Clock.class).withZone(ChinaTime.ZONE)).getYear();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    TestInfrastructure.get().dropDatabase(database);
  }

  private ApplicationContext start() {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("micronaut.server.port", -1);
    properties.put("shuangyong.demo.enabled", true);
    return ApplicationContext.builder().properties(properties).deduceEnvironment(false).start();
  }

  private TenantContext enter(String username) {
    UserDirectory users = node.getBean(UserDirectory.class);
    CurrentUser user = users.toCurrentUser(users.find(username).orElseThrow());
    return node.getBean(TenantDirectory.class).enter(user, "pinghu");
  }

  private List<Need> needsIn(Status status) {
    return needs
        .list(staff, new NeedQuery(status, null, year, null, null, false, null), 0, 100, null, true)
        .items();
  }

  @Test
  void aClosedNeedHasItsWholeHistoryBySeveralPeopleAtPastTimes() {
    List<Need> closed = needsIn(Status.CLOSED);
    assertThat(closed).hasSizeGreaterThanOrEqualTo(3).allMatch(Need::sample);
    for (Need need : closed) {
      List<NeedEvent> history = needs.find(staff, need.id()).history();
      assertThat(history)
          .extracting(NeedEvent::action)
          .as(need.title())
          .startsWith(Action.SUBMIT, Action.ACCEPT)
          .contains(Action.COMPLETE)
          .endsWith(Action.CONFIRM);
      Set<String> actors = history.stream().map(NeedEvent::actor).collect(Collectors.toSet());
      assertThat(actors).as(need.title()).hasSizeGreaterThanOrEqualTo(3).doesNotContain("demo");
      assertThat(history.get(0).actorPerson().displayName()).doesNotContain("demo");
      List<Instant> times = history.stream().map(NeedEvent::at).toList();
      assertThat(times).isSorted();
      assertThat(Duration.between(times.get(0), times.get(times.size() - 1)).toDays())
          .as("%s: submitted and closed days apart", need.title())
          .isGreaterThanOrEqualTo(5);
      assertThat(times.get(times.size() - 1)).isBefore(Instant.now());
    }
  }

  @Test
  void oneNeedWasSentBackAndFinishedLateAfterSupervision() {
    assertThat(needsIn(Status.CLOSED))
        .anySatisfy(
            need ->
                assertThat(needs.find(staff, need.id()).history())
                    .extracting(NeedEvent::action)
                    .contains(Action.REOPEN, Action.SUPERVISE));
    assertThat(needsIn(Status.REJECTED)).allMatch(need -> need.rejectionReason() != null);
    assertThat(needsIn(null)).anyMatch(Need::overdue).anyMatch(need -> need.supervisionCount() > 0);
  }

  @Test
  void theDashboardFiguresAreThoseOfRealWork() {
    NeedIndicators.Figures figures = node.getBean(NeedIndicators.class).figures(staff, year);
    assertThat(figures.medianDaysToClose()).isGreaterThan(BigDecimal.ONE);
    assertThat(figures.onTimeRate()).isGreaterThan(BigDecimal.ZERO).isLessThan(BigDecimal.ONE);
    assertThat(figures.overdueCount()).isPositive();
    for (Status status : Status.values()) {
      assertThat(figures.byStatus().get(status.name())).as(status.name()).isPositive();
    }
  }

  @Test
  void everyResponsibleUnitHasAContactPersonAndPhone() {
    List<ResponsibleUnit> units = node.getBean(UnitService.class).listResponsibleUnits(staff, null);
    assertThat(units)
        .hasSizeGreaterThanOrEqualTo(16)
        .allSatisfy(
            unit -> {
              assertThat(unit.contactName()).as(unit.name()).isNotBlank();
              assertThat(unit.contactPhone()).as(unit.name()).matches("0573-\\*{4}\\d{4}");
            });
  }

  @Test
  void theBellHoldsAFewRecentNoticesNotThreeMonthsOfThem() {
    NotificationService notifications = node.getBean(NotificationService.class);
    for (String user :
        List.of("pinghu.staff", "pinghu.admin", "pinghu.handler", "pinghu.liaison")) {
      long unread = notifications.unreadCount(enter(user));
      assertThat(unread).as(user).isBetween(1L, 5L);
    }
  }

  @Test
  void pinghuHasTwoYearsOfBudgetAndThisYearsSpendingMostlyEvidenced() {
    cn.shuangyong.tenants.budgets.api.Budget budget =
        node.getBean(cn.shuangyong.tenants.budgets.api.BudgetService.class).find(staff, year);
    assertThat(budget.budgeted()).isEqualByComparingTo("3580000.00");
    assertThat(budget.previousYearBudgeted()).isEqualByComparingTo("3420000.00");
    assertThat(budget.growthOverPreviousYear()).isEqualByComparingTo("0.0468");
    assertThat(budget.lines()).hasSize(9);
    assertThat(budget.spent()).isPositive();
    assertThat(budget.evidenced()).isPositive().isLessThanOrEqualTo(budget.spent());
  }

  @Test
  void aRestartLoadsNothingTwice() throws Exception {
    long before = count("select count(*) from t_pinghu.need");
    long events = count("select count(*) from t_pinghu.need_event");
    start().close();
    assertThat(count("select count(*) from t_pinghu.need")).isEqualTo(before).isGreaterThan(10);
    assertThat(count("select count(*) from t_pinghu.need_event")).isEqualTo(events);
  }

  private long count(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                database.get("datasources.default.url"),
                database.get("datasources.default.username"),
                database.get("datasources.default.password"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
