package cn.shuangyong.tenants.projects;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A project's attachments over the API: the office attaches a photo and a Word file, whoever sees
 * the project lists and downloads them, the office takes one off; each step in the timeline; and
 * every refusal (401, 403, 404, 413, 415, 422) as problem JSON, never a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectAttachmentTest implements TestPropertyProvider {
  private static final String PROJECTS = "/api/v1/tenants/pinghu/projects";
  static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    2,
    0,
    0,
    0,
    (byte) 0x90,
    'w',
    'S',
    (byte) 0xde
  };
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long project;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  @BeforeAll
  void aProjectForTheLiaisonsUnit() {
    api = new Api(server, json);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "营区照明改造-" + UUID.randomUUID().toString().substring(0, 6));
    body.put("category", "基础设施");
    body.put(
        "garrisonUnitIds",
        List.of(
            Long.parseLong(
                api.get("/api/v1/me", token("pinghu.liaison")).string("garrisonUnitId"))));
    body.put(
        "responsibleUnitId",
        Long.parseLong(api.get("/api/v1/me", token("pinghu.handler")).string("responsibleUnitId")));
    body.put("budget", "86000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(2).toString());
    Answer created = api.post(PROJECTS, body, token("pinghu.staff"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    project = Long.parseLong(created.string("id"));
  }

  String files() {
    return PROJECTS + "/" + project + "/attachments";
  }

  @Test
  void theOfficeAttachesFilesThatThoseWhoSeeTheProjectDownloadAndTakesOneOff() throws Exception {
    Answer photo = api.upload(files(), "file", "施工现场.png", PNG, token("pinghu.staff"));
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    assertThat(photo.string("contentType")).isEqualTo("image/png");
    assertThat(photo.raw().headers().firstValue("Location"))
        .hasValue(files() + "/" + photo.string("id"));
    Answer word = api.upload(files(), "file", "验收报告.docx", docx(), token("pinghu.admin"));
    assertThat(word.status()).as(word.text()).isEqualTo(201);
    assertThat(word.string("contentType")).contains("wordprocessingml");
    // a PNG named like a program is kept under the name of what it is
    Answer renamed = api.upload(files(), "file", "照片.exe", PNG, token("pinghu.staff"));
    assertThat(renamed.string("fileName")).isEqualTo("照片.png");

    for (String reader :
        List.of("pinghu.admin", "pinghu.liaison", "pinghu.handler", "jx.supervisor")) {
      Answer listed = api.get(files(), token(reader));
      assertThat(listed.status()).as(reader).isEqualTo(200);
      assertThat(listed.list())
          .extracting(f -> f.get("fileName"))
          .contains("施工现场.png", "验收报告.docx");
      HttpResponse<byte[]> download =
          api.download(files() + "/" + photo.string("id"), token(reader));
      assertThat(download.statusCode()).as(reader).isEqualTo(200);
      assertThat(Arrays.equals(download.body(), PNG)).isTrue();
      assertThat(download.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("image/png");
      assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
    assertThat(api.get(files(), token("pinghu.staff")).text())
        .as("the uploader by name")
        .contains("displayName");

    Answer deleted = api.delete(files() + "/" + word.string("id"), token("pinghu.staff"));
    assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    assertThat(api.get(files(), token("pinghu.staff")).list())
        .extracting(f -> f.get("fileName"))
        .doesNotContain("验收报告.docx");
    assertThat(api.download(files() + "/" + word.string("id"), token("pinghu.staff")).statusCode())
        .isEqualTo(404);
    assertThat(api.delete(files() + "/" + word.string("id"), token("pinghu.staff")).status())
        .as("gone already")
        .isEqualTo(404);

    Answer detail = api.get(PROJECTS + "/" + project, token("pinghu.staff"));
    assertThat(detail.text())
        .contains("\"action\":\"ADD_ATTACHMENT\"", "\"note\":\"施工现场.png\"")
        .contains("\"action\":\"DELETE_ATTACHMENT\"", "\"note\":\"验收报告.docx\"");
  }

  @Test
  void archivesInDisguiseWrongTypesAndOversizedFilesAreRefused() throws Exception {
    String staff = token("pinghu.staff");
    Answer script =
        api.upload(files(), "file", "发票.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(), staff);
    assertThat(script.status()).isEqualTo(422);
    assertThat(script.text()).contains("不支持的文件类型");
    Answer zip = api.upload(files(), "file", "现场照片.jpg", zip(), staff);
    assertThat(zip.status()).as(zip.text()).isEqualTo(422);
    Answer zipDocx = api.upload(files(), "file", "报告.docx", zip(), staff);
    assertThat(zipDocx.status()).as("a zip named .docx is no Word file").isEqualTo(422);
    assertThat(api.upload(files(), "file", "empty.png", new byte[0], staff).status())
        .isIn(400, 422);
    Answer over10 =
        api.upload(files(), "file", "big.png", Arrays.copyOf(PNG, 11 * 1024 * 1024), staff);
    assertThat(over10.status()).as("past the kit's 10 MB").isEqualTo(422);
    Answer over =
        api.upload(files(), "file", "huge.png", Arrays.copyOf(PNG, 13 * 1024 * 1024), staff);
    assertThat(over.status()).as("past the server's upload limit").isEqualTo(413);
    Answer json = api.post(files(), Map.of("file", "x"), staff);
    assertThat(json.status()).as(json.text()).isEqualTo(415);
    assertThat(json.raw().headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("problem+json");
    assertThat(api.get(files(), token("pinghu.staff")).list())
        .extracting(f -> f.get("fileName"))
        .doesNotContain("发票.pdf", "现场照片.jpg", "big.png");
  }

  @Test
  void othersCannotReachOrChangeTheAttachments() {
    Answer photo = api.upload(files(), "file", "a.png", PNG, token("pinghu.staff"));
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    String one = files() + "/" + photo.string("id");
    assertThat(api.upload(files(), "file", "b.png", PNG, null).status()).isEqualTo(401);
    assertThat(api.get(files(), null).status()).isEqualTo(401);
    assertThat(api.download(one, null).statusCode()).isEqualTo(401);
    assertThat(api.delete(one, null).status()).isEqualTo(401);
    // who sees the project reads, but only the office writes
    for (String reader : List.of("pinghu.liaison", "pinghu.handler", "jx.supervisor")) {
      assertThat(api.upload(files(), "file", "b.png", PNG, token(reader)).status())
          .as(reader)
          .isEqualTo(403);
      assertThat(api.delete(one, token(reader)).status()).as(reader).isEqualTo(403);
    }
    // another unit's liaison does not see the project at all; another city not even the path
    assertThat(api.get(files(), token("pinghu.liaison2")).status()).isEqualTo(404);
    assertThat(api.download(one, token("pinghu.liaison2")).statusCode()).isEqualTo(404);
    assertThat(api.upload(files(), "file", "b.png", PNG, token("pinghu.liaison2")).status())
        .isEqualTo(404);
    assertThat(api.download(one, token("hangzhou.admin")).statusCode()).isEqualTo(404);
    assertThat(api.delete(one, token("hangzhou.admin")).status()).isEqualTo(404);
    String hangzhou = "/api/v1/tenants/hangzhou/projects/" + project + "/attachments";
    assertThat(
            api.download(hangzhou + "/" + photo.string("id"), token("hangzhou.admin")).statusCode())
        .isEqualTo(404);
    assertThat(api.get(PROJECTS + "/999999999/attachments", token("pinghu.staff")).status())
        .isEqualTo(404);
    assertThat(api.download(files() + "/999999999", token("pinghu.staff")).statusCode())
        .isEqualTo(404);
    assertThat(api.download(one, token("pinghu.admin")).statusCode())
        .as("still there")
        .isEqualTo(200);
  }

  private static byte[] docx() throws Exception {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("验收报告");
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] zip() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("payload.exe"));
      zip.write(new byte[] {'M', 'Z', 0, 0});
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
