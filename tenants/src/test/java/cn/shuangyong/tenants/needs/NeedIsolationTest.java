package cn.shuangyong.tenants.needs;

import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.ADMIN;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.LIAISON;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.STAFF;
import static cn.shuangyong.tenants.testing.IsolationTemplate.Caller.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.testing.IsolationTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The 双清单 through the isolation template: a liaison's need with a photo, read as every caller. The
 * office and the province's supervisor see it everywhere, the liaison of its unit too; another
 * unit's liaison and a handler it is not assigned to never; the office hears of it in the bell.
 */
@MicronautTest(transactional = false)
class NeedIsolationTest extends IsolationTemplate {
  private static final Set<Caller> WHO_SEES_A_NEW_NEED = Set.of(ADMIN, STAFF, LIAISON, SUPERVISOR);

  @Override
  protected String prefix() {
    return "isoneeds";
  }

  @Override
  protected String table() {
    return "need";
  }

  @Override
  protected Written write(World world, String marker) {
    String base = "/api/v1/tenants/" + world.tenantA() + "/needs";
    String liaison = world.token(LIAISON);
    Api.Answer need =
        api.post(
            base,
            Map.of(
                "direction", "FOR_TROOPS",
                "title", "营区道路" + marker,
                "category", "营区建设"),
            liaison);
    assertThat(need.status()).isEqualTo(201);
    long id = Long.parseLong(need.string("id"));
    Api.Answer photo =
        api.upload(
            base + "/" + id + "/attachments", "file", "照片" + marker + ".png", png(), liaison);
    assertThat(photo.status()).isEqualTo(201);
    return new Written(id, marker, Map.of("attachment", Long.parseLong(photo.string("id"))));
  }

  @Override
  protected List<Read> reads() {
    return List.of(
        new Read("detail", "/needs/{id}", WHO_SEES_A_NEW_NEED),
        new Read("search", "/needs?q={marker}", WHO_SEES_A_NEW_NEED),
        new Read("list", "/needs?size=100&sort=id,desc", WHO_SEES_A_NEW_NEED),
        new Read("export", "/needs/export?year={year}", WHO_SEES_A_NEW_NEED),
        new Read("attachments", "/needs/{id}/attachments", WHO_SEES_A_NEW_NEED),
        new Read("download", "/needs/{id}/attachments/{attachment}", WHO_SEES_A_NEW_NEED),
        new Read("notifications", "/notifications?limit=200", Set.of(ADMIN, STAFF)));
  }

  private static byte[] png() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
