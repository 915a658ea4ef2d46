package cn.shuangyong.tenants.notifications.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A notification with whether its reader has read it ({@link NotificationListings}). */
@MappedEntity("notification")
public record NotificationListingRow(
    @Id long id,
    String kind,
    @Nullable String subjectType,
    @Nullable Long subjectId,
    String message,
    Instant createdAt,
    boolean read,
    @Nullable String[] arguments) {}
