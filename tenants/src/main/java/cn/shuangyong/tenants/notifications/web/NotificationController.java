package cn.shuangyong.tenants.notifications.web;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.tenants.notifications.api.Notification;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The caller's in-app notifications in its tenant (the bell). */
@Controller("/api/v1/tenants/{tenant}/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
@ApiProblems
public class NotificationController {
  private final NotificationService notifications;
  private final Messages messages;

  NotificationController(NotificationService notifications, Messages messages) {
    this.notifications = notifications;
    this.messages = messages;
  }

  @Serdeable
  public record UnreadCount(long unread) {}

  /** The caller's latest notifications, in the caller's language. */
  @Get
  public List<Notification> mine(
      HttpRequest<?> request,
      @TenantPath TenantContext context,
      @QueryValue(defaultValue = "false") boolean unread,
      @QueryValue(defaultValue = "50") int limit) {
    return notifications.mine(context, unread, limit, messages.localeOf(request));
  }

  /** How many of the caller's notifications are unread. */
  @Get("/unread-count")
  public UnreadCount unreadCount(@TenantPath TenantContext context) {
    return new UnreadCount(notifications.unreadCount(context));
  }

  /** Marks one notification read. */
  @Post("/{id}/read")
  public HttpResponse<Void> read(@TenantPath TenantContext context, long id) {
    notifications.markRead(context, id);
    return HttpResponse.noContent();
  }

  /** Marks all the caller's notifications read. */
  @Post("/read-all")
  public HttpResponse<Void> readAll(@TenantPath TenantContext context) {
    notifications.markAllRead(context);
    return HttpResponse.noContent();
  }
}
