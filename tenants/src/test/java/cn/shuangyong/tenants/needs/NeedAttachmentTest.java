package cn.shuangyong.tenants.needs;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
}
