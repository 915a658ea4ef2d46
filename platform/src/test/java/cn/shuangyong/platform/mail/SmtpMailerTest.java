package cn.shuangyong.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code shuangyong.mail.*} keys drive Micronaut's e-mail module: with a login the session
 * authenticates, the sender is the configured address and the text arrives as plain text.
 */
class SmtpMailerTest {

  @Test
  void aConfiguredLoginAuthenticatesAndThePlainTextArrives() throws Exception {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "Relay@2026"));
    smtp.start();
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.put("shuangyong.mail.host", "127.0.0.1");
    properties.put("shuangyong.mail.port", port);
    properties.put("shuangyong.mail.from", "noreply@shuangyong.test");
    properties.put("shuangyong.mail.username", "relay");
    properties.put("shuangyong.mail.password", "Relay@2026");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.getBean(SessionProvider.class).session().getProperty("mail.smtp.auth"))
          .isEqualTo("true");

      context.getBean(SmtpMailer.class).send(List.of("office@pinghu.test"), "【双拥云】测试", "完成时限：明天");

      MimeMessage[] received = smtp.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo("【双拥云】测试");
      assertThat(received[0].getFrom()[0].toString()).isEqualTo("noreply@shuangyong.test");
      assertThat(received[0].getContentType()).startsWith("text/plain");
      assertThat(received[0].getContent().toString()).contains("完成时限：明天");
    } finally {
      smtp.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
