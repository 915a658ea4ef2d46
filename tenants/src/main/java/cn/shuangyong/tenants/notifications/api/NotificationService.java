package cn.shuangyong.tenants.notifications.api;

import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * In-app notifications of a tenant (the bell): written inside the tenant transaction of the event
 * that causes them, read by the office, a responsible unit's handlers or a garrison's liaisons.
 */
@Singleton
public class NotificationService {
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final Messages messages;
  private final Clock clock;

  public NotificationService(
      TenantDirectory tenants, TenantScope scope, Messages messages, Clock clock) {
    this.tenants = tenants;
    this.scope = scope;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Adds a notification on the caller's tenant connection; its text is the message {@code
   * notification.<kind>} with {@code arguments}, rendered in each reader's language when read (and
   * kept in Chinese for e-mail). With a {@code dedupKey} it is added once only (reminders).
   */
  public void notify(
      Connection c,
      Audience audience,
      String kind,
      @Nullable Long needId,
      List<String> arguments,
      @Nullable String dedupKey)
      throws SQLException {
    String message = text(Messages.CHINESE, kind, arguments.toArray(String[]::new));
    Jdbc.update(
        c,
        "insert into notification (audience, audience_id, kind, need_id, message, arguments,"
            + " dedup_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (dedup_key) do nothing",
        audience.kind(),
        audience.unitId(),
        kind,
        needId,
        message.length() > 500 ? message.substring(0, 500) : message,
        arguments.toArray(String[]::new),
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
    return scope.read(
        context,
        c ->
            Jdbc.list(
                c,
                "select n.id, n.kind, n.need_id, n.message, n.created_at, r.read_at is not null,"
                    + " n.arguments"
                    + " from notification n left join notification_read r"
                    + " on r.notification_id = n.id and r.username = ?"
                    + " where n.audience = ? and n.audience_id is not distinct from ?"
                    + (unreadOnly ? " and r.read_at is null" : "")
                    + " order by n.id desc limit ?",
                row ->
                    new Notification(
                        row.getLong(1),
                        row.getString(2),
                        Jdbc.nullableLong(row, "need_id"),
                        row.getArray(7) == null
                            ? row.getString(4)
                            : text(locale, row.getString(2), (String[]) row.getArray(7).getArray()),
                        row.getTimestamp(5).toInstant(),
                        row.getBoolean(6)),
                user.username(),
                audience.kind(),
                audience.unitId(),
                Math.min(Math.max(limit, 1), 200)));
  }

  public long unreadCount(TenantContext context) {
    CurrentUser user = context.caller();
    Audience audience = Audience.of(user);
    if (audience == null) {
      return 0;
    }
    return scope.read(
        context,
        c ->
            Jdbc.count(
                c,
                "select count(*) from notification n where n.audience = ?"
                    + " and n.audience_id is not distinct from ? and not exists (select 1 from"
                    + " notification_read r where r.notification_id = n.id and r.username = ?)",
                audience.kind(),
                audience.unitId(),
                user.username()));
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
        c -> {
          long mine =
              Jdbc.count(
                  c,
                  "select count(*) from notification where id = ? and audience = ?"
                      + " and audience_id is not distinct from ?",
                  id,
                  audience.kind(),
                  audience.unitId());
          if (mine == 0) {
            throw ProblemException.notFound();
          }
          markRead(c, id, user.username(), clock.instant());
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
        c ->
            Jdbc.update(
                c,
                "insert into notification_read (notification_id, username, read_at)"
                    + " select id, ?, ? from notification where audience = ?"
                    + " and audience_id is not distinct from ? on conflict do nothing",
                user.username(),
                clock.instant(),
                audience.kind(),
                audience.unitId()));
  }

  private static void markRead(Connection c, long id, String username, Instant at)
      throws SQLException {
    Jdbc.update(
        c,
        "insert into notification_read (notification_id, username, read_at) values (?, ?, ?)"
            + " on conflict do nothing",
        id,
        username,
        at);
  }
}
