package cn.shuangyong.tenants.fund;

import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.ADMIN;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.STAFF;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.testing.IsolationTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 帮扶基金 through the isolation template: A's staff records an application whose applicant is
 * named by the marker and keeps a paper named by it too. The office and the province's supervisor
 * find it in the detail, the list, the search and the export (masked); the staff in its inbox; only
 * the office opens the paper and unmasks the applicant; A's handler and liaisons never (families in
 * hardship are not the units' business), nobody from B ever.
 */
@MicronautTest(transactional = false)
class FundIsolationTest extends IsolationTemplate {
  private static final Set<Caller> THE_OFFICE_AND_SUPERVISORS = Set.of(ADMIN, STAFF, SUPERVISOR);
  private static final Set<Caller> THE_OFFICE = Set.of(ADMIN, STAFF);

  @Override
  protected String prefix() {
    return "isofund";
  }

  @Override
  protected String table() {
    return "assistance_grant";
  }

  @Override
  protected Written write(World world, String marker) {
    String base = "/api/v1/tenants/" + world.tenantA();
    String staff = world.token(STAFF);
    Map<String, Object> body = FundApiTest.application(FundApiTest.idNumber(), "3000");
    body.put("applicantName", marker);
    Api.Answer grant = api.post(base + "/grants", body, staff);
    assertThat(grant.status()).as(grant.text()).isEqualTo(201);
    long id = Long.parseLong(grant.string("id"));
    Api.Answer paper =
        api.upload(
            base + "/grants/" + id + "/attachments",
            "file",
            "收入证明" + marker + ".pdf",
            FundApiTest.PDF,
            staff);
    assertThat(paper.status()).as(paper.text()).isEqualTo(201);
    return new Written(id, marker, Map.of("paper", Long.parseLong(paper.string("id"))));
  }

  @Override
  protected List<Read> reads() {
    return List.of(
        new Read("detail", "/grants/{id}", THE_OFFICE_AND_SUPERVISORS),
        new Read("list", "/grants?size=200", THE_OFFICE_AND_SUPERVISORS),
        new Read("search", "/grants?q={marker}", THE_OFFICE_AND_SUPERVISORS),
        new Read("submitted", "/grants?status=SUBMITTED&size=200", THE_OFFICE_AND_SUPERVISORS),
        new Read("inbox", "/grants/inbox?size=200", Set.of(STAFF)),
        new Read("export", "/grants/export", THE_OFFICE_AND_SUPERVISORS),
        new Read("paper", "/grants/{id}/attachments/{paper}", THE_OFFICE),
        new Read("unmask", "/grants/{id}/personal-data", THE_OFFICE));
  }
}
