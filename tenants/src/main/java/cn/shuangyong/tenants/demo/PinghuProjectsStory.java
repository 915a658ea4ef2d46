package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.projects.api.Milestone;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinghu's 拥军项目 (军地互办实事) of this year, worked through the real {@link ProjectService} by the demo's
 * office staff, so that the list, the progress bars, the timelines, the late milestones in the bell
 * and the comparison's figures agree: one finished by its planned end, one under way with a
 * milestone past due, one under way with progress entered by hand, one planned, one cancelled with
 * its reason. Dates are set around the day the demo is loaded; every name is marked sample.
 */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
class PinghuProjectsStory {
  private static final Logger LOG = LoggerFactory.getLogger(PinghuProjectsStory.class);
  private final ProjectService projects;
  private final PinghuPeople people;
  private final Clock clock;

  PinghuProjectsStory(ProjectService projects, PinghuPeople people, Clock clock) {
    this.projects = projects;
    this.people = people;
    this.clock = clock;
  }

  /** The demo's units by name (garrison and responsible), as {@link DemoProvince} made them. */
  void tell(PinghuNeedsStory.Units units) {
    TenantContext staff = people.enter("pinghu.staff");
    LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
    int year = today.getYear();

    Project water =
        projects.create(
            staff,
            new ProjectCommands.Create(
                "驻平部队营区饮水净化工程（样例）",
                "基础设施",
                List.of(units.id("驻平陆军某部（示例）")),
                units.id("平湖市住房和城乡建设局"),
                new BigDecimal("380000.00"),
                FundingSource.FISCAL,
                today.minusDays(200),
                today.plusDays(20),
                null,
                year));
    completeAll(
        staff,
        water,
        milestone(staff, water, "方案设计与审批", today.minusDays(150)),
        milestone(staff, water, "净水设备安装", today.minusDays(40)),
        milestone(staff, water, "水质检测与交付", today.minusDays(5)));
    projects.start(staff, water.id(), new ProjectCommands.Note("施工单位进场"));
    projects.finish(staff, water.id(), new ProjectCommands.Note("水质检测合格，交付部队使用"));

    Project culture =
        projects.create(
            staff,
            new ProjectCommands.Create(
                "军营文化活动室提升（样例）",
                "文化活动",
                List.of(units.id("驻平海军某部（示例）"), units.id("武警平湖中队（示例）")),
                units.id("平湖市教育局"),
                new BigDecimal("126000.00"),
                FundingSource.DONATED,
                today.minusDays(120),
                today.plusDays(120),
                null,
                year));
    completeAll(staff, culture, milestone(staff, culture, "方案设计", today.minusDays(90)));
    milestone(staff, culture, "图书与器材采购", today.minusDays(10));
    milestone(staff, culture, "布置与开放", today.plusDays(100));
    projects.start(staff, culture.id(), new ProjectCommands.Note("捐赠资金到位"));

    Project school =
        projects.create(
            staff,
            new ProjectCommands.Create(
                "官兵子女入学绿色通道（样例）",
                "教育保障",
                List.of(units.id("驻平空军某部（示例）")),
                units.id("平湖市教育局"),
                new BigDecimal("20000.00"),
                FundingSource.OTHER,
                today.minusDays(90),
                today.plusDays(30),
                null,
                year));
    projects.start(staff, school.id(), new ProjectCommands.Note("摸排随军子女就学需求"));
    projects.enterProgress(
        staff, school.id(), new ProjectCommands.EnterProgress(80, "已协调 12 名官兵子女入学（样例）"));

    Project fair =
        projects.create(
            staff,
            new ProjectCommands.Create(
                "随军家属就业专场招聘会（样例）",
                "就业安置",
                List.of(units.id("驻平陆军某部（示例）"), units.id("驻平海军某部（示例）")),
                units.id("平湖市人力资源和社会保障局"),
                new BigDecimal("58000.00"),
                FundingSource.FISCAL,
                today.plusDays(20),
                today.plusDays(75),
                null,
                year));
    milestone(staff, fair, "企业岗位征集", today.plusDays(45));
    milestone(staff, fair, "招聘会举办", today.plusDays(70));

    Project road =
        projects.create(
            staff,
            new ProjectCommands.Create(
                "营区道路硬化二期（样例）",
                "基础设施",
                List.of(units.id("驻平某预备役部队（示例）")),
                units.id("平湖市交通运输局"),
                new BigDecimal("210000.00"),
                FundingSource.TROOPS,
                today.minusDays(30),
                today.plusDays(150),
                null,
                year));
    projects.cancel(staff, road.id(), new ProjectCommands.Cancel("部队营区规划调整，并入明年营区整体改造（样例）"));
    LOG.info("demo: Pinghu's projects of {}: 1 done, 2 under way, 1 planned, 1 cancelled", year);
  }

  private Milestone milestone(TenantContext staff, Project project, String title, LocalDate due) {
    return projects.addMilestone(staff, project.id(), new ProjectCommands.AddMilestone(title, due));
  }

  private void completeAll(TenantContext staff, Project project, Milestone... milestones) {
    for (Milestone milestone : milestones) {
      projects.completeMilestone(staff, project.id(), milestone.id());
    }
  }
}
