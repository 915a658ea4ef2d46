package cn.shuangyong.tenants.projects;

import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.ADMIN;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.HANDLER;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.STAFF;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.testing.IsolationTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 拥军项目 through the isolation template: the office's project for A's garrison unit, carried by
 * A's responsible unit, with a milestone and a photo. Read as the detail, the list, the search, the
 * export, the yearly report (JSON and Excel), the attachments and the photo's download. The office
 * and the province's supervisor see it, the liaison of the benefiting unit and the handler of the
 * responsible unit too; the other unit's liaison never, nor anyone from B.
 */
@MicronautTest(transactional = false)
class ProjectIsolationTest extends IsolationTemplate {
  private static final Set<Caller> WHO_SEES_IT = Set.of(ADMIN, STAFF, HANDLER, LIAISON, SUPERVISOR);

  @Override
  protected String prefix() {
    return "isoprojects";
  }

  @Override
  protected String table() {
    return "project";
  }

  @Override
  protected Written write(World world, String marker) {
    String a = world.tenantA();
    String base = "/api/v1/tenants/" + a + "/projects";
    String staff = world.token(STAFF);
    Api.Answer project =
        api.post(
            base,
            Map.of(
                "name",
                "营区道路" + marker,
                "category",
                "基础设施",
                "garrisonUnitIds",
                List.of(world.units().get(a + ".garrison")),
                "responsibleUnitId",
                world.units().get(a + ".responsible"),
                "budget",
                "120000.00",
                "fundingSource",
                "FISCAL",
                "plannedStart",
                LocalDate.now().toString(),
                "plannedEnd",
                LocalDate.now().plusMonths(3).toString()),
            staff);
    assertThat(project.status()).as(project.text()).isEqualTo(201);
    long id = Long.parseLong(project.string("id"));
    Api.Answer milestone =
        api.post(
            base + "/" + id + "/milestones",
            Map.of("title", "节点" + marker, "dueDate", LocalDate.now().plusDays(10).toString()),
            staff);
    assertThat(milestone.status()).as(milestone.text()).isEqualTo(201);
    Api.Answer photo =
        api.upload(
            base + "/" + id + "/attachments",
            "file",
            "现场" + marker + ".png",
            ProjectAttachmentTest.PNG,
            staff);
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    return new Written(id, marker, Map.of("attachment", Long.parseLong(photo.string("id"))));
  }

  @Override
  protected List<Read> reads() {
    return List.of(
        new Read("detail", "/projects/{id}", WHO_SEES_IT),
        new Read("search", "/projects?q={marker}", WHO_SEES_IT),
        new Read("list", "/projects?size=100&sort=id,desc", WHO_SEES_IT),
        new Read("year", "/projects?year={year}&size=200", WHO_SEES_IT),
        new Read("export", "/projects/export", WHO_SEES_IT),
        new Read("export of the year", "/projects/export?year={year}&q={marker}", WHO_SEES_IT),
        new Read("report", "/projects/report?year={year}", WHO_SEES_IT),
        new Read("report workbook", "/projects/report.xlsx?year={year}", WHO_SEES_IT),
        new Read("attachments", "/projects/{id}/attachments", WHO_SEES_IT),
        new Read("attachment download", "/projects/{id}/attachments/{attachment}", WHO_SEES_IT));
  }
}
