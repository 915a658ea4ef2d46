package cn.shuangyong.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends plain-text mail through Micronaut's e-mail module (the SMTP server of {@code
 * shuangyong.mail.host}, see application.yml); exists only when that is configured (without it
 * notifications stay in-app).
 */
@Singleton
@Requires(property = "shuangyong.mail.host")
public class SmtpMailer {
  private final EmailSender<Message, ?> sender;

  public SmtpMailer(EmailSender<Message, ?> sender) {
    this.sender = sender;
  }

  /** One message to every recipient, each in BCC; throws {@link EmailException} if not sent. */
  public void send(List<String> recipients, String subject, String text) {
    if (recipients.isEmpty()) {
      return;
    }
    Email.Builder email = Email.builder().subject(subject).body(text);
    recipients.forEach(email::bcc);
    sender.send(email, message -> plainText(message, text));
  }

  /**
   * One text/plain part, as mail clients and archives read best (the module writes a multipart).
   */
  private static void plainText(Message message, String text) {
    try {
      ((MimeMessage) message).setText(text, StandardCharsets.UTF_8.name());
    } catch (MessagingException e) {
      throw new EmailException(e);
    }
  }
}
