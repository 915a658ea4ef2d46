package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
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

/** Attachments of needs: sniffed types, size cap, and only for those who see the need. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedAttachmentTest implements TestPropertyProvider {
  private static final String NEEDS = "/api/v1/tenants/pinghu/needs";
  private static final byte[] PNG = {
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
  @Inject ApplicationContext context;
  @Inject NeedAttachments needAttachments;
  Api api;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  long need;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void setUp() {
    api = new Api(server, json);
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", "营区照明改造（附照片）");
    body.put("category", "营区建设");
    need = Long.parseLong(api.post(NEEDS, body, token("pinghu.liaison")).string("id"));
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> api.login(u, DemoProvince.PASSWORD));
  }

  @Test
  void aPhotoAndAnOfficeFileAreKeptAndServedBackToThoseWhoSeeTheNeed() throws Exception {
    Answer photo =
        api.upload(
            NEEDS + "/" + need + "/attachments", "file", "现场照片.png", PNG, token("pinghu.liaison"));
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    assertThat(photo.string("contentType")).isEqualTo("image/png");
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("需求说明");
      document.write(out);
      docx = out.toByteArray();
    }
    Answer word =
        api.upload(
            NEEDS + "/" + need + "/attachments", "file", "说明.docx", docx, token("pinghu.staff"));
    assertThat(word.status()).as(word.text()).isEqualTo(201);
    assertThat(word.string("contentType")).contains("wordprocessingml");

    assertThat(api.get(NEEDS + "/" + need + "/attachments", token("pinghu.admin")).list())
        .hasSizeGreaterThanOrEqualTo(2);
    var download =
        api.download(
            NEEDS + "/" + need + "/attachments/" + photo.string("id"), token("jx.supervisor"));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(download.body(), PNG)).isTrue();
    assertThat(download.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("image/png");
  }

  @Test
  void wrongTypesEmptyOrOversizedFilesAreRefused() {
    String liaison = token("pinghu.liaison");
    Answer script =
        api.upload(
            NEEDS + "/" + need + "/attachments",
            "file",
            "发票.pdf",
            "#!/bin/sh\nrm -rf /\n".getBytes(),
            liaison);
    assertThat(script.status()).isEqualTo(422);
    assertThat(script.text()).contains("不支持的文件类型");
    byte[] exe = new byte[64];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertThat(
            api.upload(NEEDS + "/" + need + "/attachments", "file", "photo.jpg", exe, liaison)
                .status())
        .isEqualTo(422);
    assertThat(
            api.upload(
                    NEEDS + "/" + need + "/attachments", "file", "empty.png", new byte[0], liaison)
                .status())
        .isIn(400, 422);
    byte[] big = Arrays.copyOf(PNG, 11 * 1024 * 1024);
    assertThat(
            api.upload(NEEDS + "/" + need + "/attachments", "file", "big.png", big, liaison)
                .status())
        .isIn(413, 422);
  }

  @Test
  void othersCannotReachTheAttachments() {
    Answer photo =
        api.upload(
            NEEDS + "/" + need + "/attachments", "file", "a.png", PNG, token("pinghu.liaison"));
    String path = NEEDS + "/" + need + "/attachments/" + photo.string("id");
    assertThat(api.download(path, token("pinghu.liaison2")).statusCode()).isEqualTo(404);
    assertThat(api.download(path, token("hangzhou.admin")).statusCode()).isEqualTo(404);
    assertThat(
            api.download(
                    "/api/v1/tenants/hangzhou/needs/" + need + "/attachments/" + photo.string("id"),
                    token("hangzhou.admin"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            api.upload(
                    NEEDS + "/" + need + "/attachments",
                    "file",
                    "b.png",
                    PNG,
                    token("pinghu.liaison2"))
                .status())
        .isEqualTo(404);
    assertThat(
            api.upload(
                    NEEDS + "/" + need + "/attachments",
                    "file",
                    "b.png",
                    PNG,
                    token("jx.supervisor"))
                .status())
        .isEqualTo(403);
    assertThat(api.get(NEEDS + "/" + need + "/attachments", token("pinghu.handler")).status())
        .isEqualTo(404);
  }

  @Test
  void anAttachmentIsReachedOnlyThroughItsOwnNeed() {
    Answer photo =
        api.upload(
            NEEDS + "/" + need + "/attachments", "file", "c.png", PNG, token("pinghu.liaison"));
    assertThat(photo.status()).as(photo.text()).isEqualTo(201);
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", "另一驻军单位的事项");
    body.put("category", "营区建设");
    String own = api.post(NEEDS, body, token("pinghu.liaison2")).string("id");
    // liaison2 sees its own need, but another need's attachment is not reached through it
    String through = NEEDS + "/" + own + "/attachments";
    assertThat(
            api.download(through + "/" + photo.string("id"), token("pinghu.liaison2")).statusCode())
        .isEqualTo(404);
    Answer listed = api.get(through, token("pinghu.liaison2"));
    assertThat(listed.status()).as(listed.text()).isEqualTo(200);
    assertThat(listed.list()).isEmpty();
  }

  // ---- files handed in with the need itself (issue 9, item 2) ----

  @Test
  void theOfficeSubmitsANeedWithItsPhotoInOneStep() {
    TenantContext staff = new TestTenants(context).as("pinghu", Role.CITY_STAFF);
    String title = "走访照片-" + UUID.randomUUID().toString().substring(0, 6);
    Need need =
        needAttachments.submitWith(
            staff,
            submit(title, garrisonUnit()),
            List.of(new NeedAttachments.NewFile("现场照片.png", PNG)));
    assertThat(need.status().name()).isEqualTo("SUBMITTED");
    List<Attachment> files = needAttachments.list(staff, need.id());
    assertThat(files).hasSize(1);
    assertThat(files.get(0).fileName()).isEqualTo("现场照片.png");
    assertThat(files.get(0).contentType()).isEqualTo("image/png");
    // the garrison unit's liaison sees the need and its photo
    Answer listed = api.get(NEEDS + "/" + need.id() + "/attachments", token("pinghu.liaison"));
    assertThat(listed.status()).as(listed.text()).isEqualTo(200);
    assertThat(listed.list()).hasSize(1);
  }

  @Test
  void anArchiveInDisguiseIsRefusedAsAnArchiveAndLeavesNoNeedBehind() throws Exception {
    TenantContext staff = new TestTenants(context).as("pinghu", Role.CITY_STAFF);
    String title = "伪装压缩包-" + UUID.randomUUID().toString().substring(0, 6);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      zip.putNextEntry(new ZipEntry("photo.jpg"));
      zip.write(PNG);
      zip.closeEntry();
    }
    List<NeedAttachments.NewFile> files =
        List.of(
            new NeedAttachments.NewFile("现场照片.png", PNG),
            new NeedAttachments.NewFile("现场照片2.jpg", zipped.toByteArray()));
    assertThatThrownBy(
            () -> needAttachments.submitWith(staff, submit(title, garrisonUnit()), files))
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused ->
                assertThat(refused.errors().get(0).messageKey()).isEqualTo("attachment.archive"));
    Answer search =
        api.get(
            NEEDS
                + "?q="
                + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
            token("pinghu.admin"));
    assertThat(search.items()).isEmpty();
    // over the API too, in words that say it is an archive
    Answer archive =
        api.upload(
            NEEDS + "/" + need + "/attachments",
            "file",
            "照片.jpg",
            zipped.toByteArray(),
            token("pinghu.liaison"));
    assertThat(archive.status()).isEqualTo(422);
    assertThat(archive.text()).contains("压缩包").contains("application/zip");
  }

  @Test
  void tooManyFilesAtOnceAreRefusedBeforeAnythingIsKept() {
    TenantContext staff = new TestTenants(context).as("pinghu", Role.CITY_STAFF);
    List<NeedAttachments.NewFile> files =
        java.util.stream.IntStream.rangeClosed(0, NeedAttachments.MAX_FILES_PER_SUBMISSION)
            .mapToObj(i -> new NeedAttachments.NewFile(i + ".png", PNG))
            .toList();
    assertThatThrownBy(
            () -> needAttachments.submitWith(staff, submit("太多附件", garrisonUnit()), files))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void attachmentsSayWhoUploadedThemByName() {
    api.upload(NEEDS + "/" + need + "/attachments", "file", "d.png", PNG, token("pinghu.liaison"));
    String liaisonName = api.get("/api/v1/me", token("pinghu.liaison")).string("displayName");
    List<Map<String, Object>> listed =
        api.get(NEEDS + "/" + need + "/attachments", token("pinghu.admin")).list();
    @SuppressWarnings("unchecked")
    Map<String, Object> person =
        (Map<String, Object>)
            listed.stream()
                .filter(file -> "pinghu.liaison".equals(file.get("createdBy")))
                .findFirst()
                .orElseThrow()
                .get("createdByPerson");
    assertThat(person).isNotNull();
    assertThat(person.get("displayName")).isEqualTo(liaisonName);
    assertThat(person.get("unit")).isNotNull();
  }

  private long garrisonUnit() {
    return Long.parseLong(api.get("/api/v1/me", token("pinghu.liaison")).string("garrisonUnitId"));
  }

  private static NeedCommands.Submit submit(String title, long garrisonUnit) {
    return new NeedCommands.Submit(
        Direction.FOR_TROOPS, title, "走访中听取", "营区建设", garrisonUnit, null, Source.VISIT, null);
  }
}
