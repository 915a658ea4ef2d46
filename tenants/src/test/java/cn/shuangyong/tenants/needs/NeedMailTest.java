package cn.shuangyong.tenants.needs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.notifications.internal.NotificationMailer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With SMTP configured, each side's notifications also arrive by e-mail, once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedMailTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject UserDirectory users;
  @Inject NotificationMailer mailer;
  GreenMail smtp;

  @Override
  public Map<String, String> getProperties() {
    int port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.mail.host", "127.0.0.1");
    properties.put("shuangyong.mail.port", Integer.toString(port));
    properties.put("shuangyong.mail.from", "noreply@shuangyong.test");
    return properties;
  }

  @AfterAll
  void stop() {
    smtp.stop();
  }

  @Test
  void theAssignedUnitAndTheOfficeAreMailedOnce() throws Exception {
    Api api = new Api(server, json);
    String handlerUnit =
        api.get("/api/v1/me", api.login("pinghu.handler", DemoProvince.PASSWORD))
            .string("responsibleUnitId");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String handlerMail = "handler-" + suffix + "@pinghu.test";
    String officeMail = "office-" + suffix + "@pinghu.test";
    users.create(
        new UserDirectory.NewUser(
            "mail.handler." + suffix,
            "交通局经办人",
            PlatformFixtures.PASSWORD,
            Set.of(Role.UNIT_HANDLER),
            "pinghu",
            null,
            null,
            Long.parseLong(handlerUnit),
            handlerMail),
        "test");
    users.create(
        new UserDirectory.NewUser(
            "mail.staff." + suffix,
            "双拥办",
            PlatformFixtures.PASSWORD,
            Set.of(Role.CITY_STAFF),
            "pinghu",
            null,
            null,
            null,
            officeMail),
        "test");

    String title = "邮件提醒-" + suffix;
    Map<String, Object> need =
        new HashMap<>(Map.of("direction", "FOR_TROOPS", "title", title, "category", "医疗保障"));
    String id =
        api.post(
                "/api/v1/tenants/pinghu/needs",
                need,
                api.login("pinghu.liaison", DemoProvince.PASSWORD))
            .string("id");
    Map<String, Object> accept =
        Map.of(
            "responsibleUnitId",
            Long.parseLong(handlerUnit),
            "deadline",
            LocalDate.now().plusDays(9).toString());
    assertThat(
            api.post(
                    "/api/v1/tenants/pinghu/needs/" + id + "/accept",
                    accept,
                    api.login("pinghu.staff", DemoProvince.PASSWORD))
                .status())
        .isEqualTo(200);

    mailer.mailAll();
    mailer.mailAll();

    assertThat(messagesTo(handlerMail)).filteredOn(m -> subject(m).contains(title)).hasSize(1);
    assertThat(messagesTo(officeMail)).filteredOn(m -> subject(m).contains(title)).hasSize(1);
    MimeMessage assigned =
        messagesTo(handlerMail).stream()
            .filter(m -> subject(m).contains(title))
            .findFirst()
            .orElseThrow();
    assertThat(subject(assigned)).startsWith("【双拥云】交办事项");
    assertThat(assigned.getContent().toString()).contains("完成时限");
  }

  /** The copies delivered to one mailbox (recipients are BCC, so the headers do not name them). */
  private List<MimeMessage> messagesTo(String address) throws Exception {
    var user = smtp.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    var inbox = smtp.getManagers().getImapHostManager().getInbox(user);
    return inbox.getMessages().stream()
        .map(
            stored -> {
              try {
                return stored.getMimeMessage();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
