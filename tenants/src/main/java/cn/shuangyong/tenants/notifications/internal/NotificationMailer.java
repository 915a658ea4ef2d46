package cn.shuangyong.tenants.notifications.internal;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.mail.SmtpMailer;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.notifications.api.Audience;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.EmailException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When SMTP is configured, e-mails each new notification once to the accounts of its audience that
 * have an address (office: admins and staff; a unit: its handlers or liaisons). Runs every minute
 * per tenant; rows are taken with SKIP LOCKED so several nodes share the work; a notification older
 * than a day is marked without mailing.
 */
@Singleton
@Requires(beans = SmtpMailer.class)
public class NotificationMailer {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);
  private static final int BATCH = 200;

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final NotificationRepository notifications;
  private final UserDirectory users;
  private final SmtpMailer mailer;
  private final Clock clock;

  public NotificationMailer(
      TenantJobs jobs,
      TenantScope scope,
      NotificationRepository notifications,
      UserDirectory users,
      SmtpMailer mailer,
      Clock clock) {
    this.jobs = jobs;
    this.scope = scope;
    this.notifications = notifications;
    this.users = users;
    this.mailer = mailer;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  void everyMinute() {
    if (jobs.scheduled()) {
      mailAll();
    }
  }

  /** Mails what is pending in every active tenant; answers how many notifications were mailed. */
  public int mailAll() {
    return jobs.forEachActiveTenant(
            "notification mail", tenant -> scope.write(tenant, () -> mail(tenant.code().value())))
        .done();
  }

  private int mail(String tenant) {
    Instant now = clock.instant();
    int mailed = 0;
    for (NotificationRow notification : notifications.lockUnmailed(BATCH)) {
      if (notification.createdAt().isAfter(now.minus(Duration.ofDays(1)))) {
        List<String> recipients = recipients(tenant, notification.audienceOf());
        try {
          mailer.send(
              recipients, "【双拥云】" + subject(notification.message()), notification.message());
          mailed += recipients.isEmpty() ? 0 : 1;
        } catch (EmailException e) {
          LOG.warn(
              "could not mail notification {} of {}: {}",
              notification.id(),
              tenant,
              e.getMessage());
          continue; // stays pending, tried again next minute
        }
      }
      notifications.markMailed(notification.id(), now);
    }
    return mailed;
  }

  private List<String> recipients(String tenant, Audience audience) {
    return switch (audience.kind()) {
      case OFFICE -> users.emails(tenant, Set.of(Role.CITY_ADMIN, Role.CITY_STAFF), null, null);
      case RESPONSIBLE_UNIT ->
          users.emails(tenant, Set.of(Role.UNIT_HANDLER), null, audience.unitId());
      case GARRISON_UNIT ->
          users.emails(tenant, Set.of(Role.GARRISON_LIAISON), audience.unitId(), null);
    };
  }

  private static String subject(String message) {
    return message.length() <= 60 ? message : message.substring(0, 60) + "…";
  }
}
