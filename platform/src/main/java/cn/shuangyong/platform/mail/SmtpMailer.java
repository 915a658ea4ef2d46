package cn.shuangyong.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;

/**
 * Sends plain-text mail through the SMTP server of {@code shuangyong.mail.host}; exists only when
 * that is configured (without it notifications stay in-app).
 */
@Singleton
@Requires(property = "shuangyong.mail.host")
public class SmtpMailer {
  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(
      @Value("${shuangyong.mail.host}") String host,
      @Value("${shuangyong.mail.port:25}") int port,
      @Value("${shuangyong.mail.from:shuangyong@localhost}") String from,
      @Nullable @Value("${shuangyong.mail.username:}") String username,
      @Nullable @Value("${shuangyong.mail.password:}") String password,
      @Value("${shuangyong.mail.starttls:false}") boolean startTls)
      throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
    boolean login = username != null && !username.isBlank();
    properties.put("mail.smtp.auth", Boolean.toString(login));
    this.session =
        login
            ? Session.getInstance(
                properties,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                  }
                })
            : Session.getInstance(properties);
    this.from = new InternetAddress(from);
  }

  public void send(List<String> recipients, String subject, String text) throws MessagingException {
    if (recipients.isEmpty()) {
      return;
    }
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    for (String recipient : recipients) {
      message.addRecipient(Message.RecipientType.BCC, new InternetAddress(recipient));
    }
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }
}
