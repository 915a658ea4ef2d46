package cn.shuangyong.platform.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The JavaMail session of Micronaut's e-mail module: its {@code javamail.properties} (mapped from
 * {@code shuangyong.mail.*} in application.yml) and, when {@code shuangyong.mail.username} is set,
 * an SMTP login. Replaces the module's provider, which takes JavaMail's JVM-wide default session
 * (the first configuration wins, and other users of that session are refused) and logs in whenever
 * {@code javamail.authentication} exists, so an optional login cannot be mapped onto it.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class MailSession implements SessionProvider {
  private final Session session;

  MailSession(
      MailPropertiesProvider configured,
      @Value("${shuangyong.mail.username:}") String username,
      @Value("${shuangyong.mail.password:}") String password) {
    Properties properties = new Properties();
    properties.putAll(configured.mailProperties());
    boolean login = !username.isBlank();
    properties.setProperty("mail.smtp.auth", Boolean.toString(login));
    this.session =
        login
            ? Session.getInstance(properties, authenticator(username, password))
            : Session.getInstance(properties);
  }

  @Override
  public Session session() {
    return session;
  }

  private static Authenticator authenticator(String username, String password) {
    PasswordAuthentication login = new PasswordAuthentication(username, password);
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return login;
      }
    };
  }
}
