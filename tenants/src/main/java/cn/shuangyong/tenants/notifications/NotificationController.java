package cn.shuangyong.tenants.notifications;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The caller's in-app notifications in its tenant (the bell). */
@Controller("/api/v1/tenants/{tenant}/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
public class NotificationController {
  private final NotificationService notifications;
  private final Messages messages;

  NotificationController(NotificationService notifications, Messages messages) {
    this.notifications = notifications;
    this.messages = messages;
  }

  @Serdeable
  public record UnreadCount(long unread) {}

  @Get
  public List<Notification> mine(
      HttpRequest<?> request,
      Authentication authentication,
      String tenant,
      @QueryValue(defaultValue = "false") boolean unread,
      @QueryValue(defaultValue = "50") int limit) {
    return notifications.mine(
        CurrentUser.from(authentication), tenant, unread, limit, messages.localeOf(request));
  }

  @Get("/unread-count")
  public UnreadCount unreadCount(Authentication authentication, String tenant) {
    return new UnreadCount(notifications.unreadCount(CurrentUser.from(authentication), tenant));
  }

  @Post("/{id}/read")
  public HttpResponse<Void> read(Authentication authentication, String tenant, long id) {
    notifications.markRead(CurrentUser.from(authentication), tenant, id);
    return HttpResponse.noContent();
  }

  @Post("/read-all")
  public HttpResponse<Void> readAll(Authentication authentication, String tenant) {
    notifications.markAllRead(CurrentUser.from(authentication), tenant);
    return HttpResponse.noContent();
  }
}
