package cn.shuangyong.tenants.notifications.api;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.notifications.internal.NotificationListingRow;
import cn.shuangyong.tenants.notifications.internal.NotificationListings;
import cn.shuangyong.tenants.notifications.internal.NotificationRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * In-app notifications of a tenant (the bell): written inside the tenant transaction of the event
 * that causes them, read by the office, a responsible unit's handlers or a garrison's liaisons.
 */
@Singleton
public class NotificationService {
  private final TenantScope scope;
  private final NotificationRepository repository;
  private final NotificationListings listings;
  private final Messages messages;
  private final Clock clock;

  public NotificationService(
      TenantScope scope,
      NotificationRepository repository,
      NotificationListings listings,
      Messages messages,
      Clock clock) {
    this.scope = scope;
    this.repository = repository;
    this.listings = listings;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Adds a notification inside the caller's tenant transaction; its text is the message {@code
   * notification.<kind>} with {@code arguments}, rendered in each reader's language when read (and
   * kept in Chinese for e-mail). With a {@code dedupKey} it is added once only (reminders).
   */
  public void notify(
      Audience audience,
      String kind,
      @Nullable Subject subject,
      List<String> arguments,
      @Nullable String dedupKey) {
    String[] values = arguments.toArray(String[]::new);
    String message = text(Messages.CHINESE, kind, values);
    repository.add(
        audience.kind(),
        audience.unitId(),
        kind,
        subject == null ? null : subject.type(),
        subject == null ? null : subject.id(),
        message.length() > 500 ? message.substring(0, 500) : message,
        values,
        dedupKey,
        clock.instant());
  }

  private String text(Locale locale, String kind, String[] arguments) {
    return messages.get(locale, "notification." + kind, (Object[]) arguments);
  }

  /** The caller's latest notifications, their text in {@code locale}. */
  public List<Notification> mine(
      TenantContext context, boolean unreadOnly, int limit, Locale locale) {
    CurrentUser user = context.caller();
    Audience audience = Audience.of(user);
    if (audience == null) {
      return List.of();
    }
    int bounded = Math.min(Math.max(limit, 1), 200);
    List<NotificationListingRow> rows =
        scope.read(
            context,
            () ->
                unreadOnly
                    ? listings.latestUnread(
                        user.username(), audience.kind(), audience.unitId(), bounded)
                    : listings.latest(
                        user.username(), audience.kind(), audience.unitId(), bounded));
    return rows.stream().map(row -> toApi(row, locale)).toList();
  }

  private Notification toApi(NotificationListingRow row, Locale locale) {
    Subject subject =
        row.subjectType() == null ? null : new Subject(row.subjectType(), row.subjectId());
    return new Notification(
        row.id(),
        row.kind(),
        subject,
        subject != null && Subject.NEED.equals(subject.type()) ? subject.id() : null,
        row.arguments() == null ? row.message() : text(locale, row.kind(), row.arguments()),
        row.createdAt(),
        row.read());
  }

  public long unreadCount(TenantContext context) {
    CurrentUser user = context.caller();
    Audience audience = Audience.of(user);
    if (audience == null) {
      return 0;
    }
    return scope.read(
        context, () -> repository.unreadCount(audience.kind(), audience.unitId(), user.username()));
  }

  /** Marks one notification read; another audience's notification is "not found". */
  public void markRead(TenantContext context, long id) {
    CurrentUser user = context.caller();
    Audience audience = Audience.of(user);
    if (audience == null) {
      throw ProblemException.notFound();
    }
    scope.write(
        context,
        () -> {
          if (!repository.isFor(id, audience.kind(), audience.unitId())) {
            throw ProblemException.notFound();
          }
          repository.markRead(id, user.username(), clock.instant());
          return null;
        });
  }

  public int markAllRead(TenantContext context) {
    CurrentUser user = context.caller();
    Audience audience = Audience.of(user);
    if (audience == null) {
      return 0;
    }
    return scope.write(
        context,
        () ->
            repository.markAllRead(
                user.username(), clock.instant(), audience.kind(), audience.unitId()));
  }
}
