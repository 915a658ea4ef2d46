package cn.shuangyong.tenants.notifications.internal;

import cn.shuangyong.tenants.notifications.api.Audience;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code notification}, as the mailer reads it. */
@MappedEntity("notification")
public record NotificationRow(
    @Id long id,
    Audience.Kind audience,
    @Nullable Long audienceId,
    String kind,
    @Nullable String subjectType,
    @Nullable Long subjectId,
    String message,
    @Nullable String[] arguments,
    @Nullable String dedupKey,
    Instant createdAt,
    @Nullable Instant mailedAt) {

  public Audience audienceOf() {
    return new Audience(audience, audienceId);
  }
}
