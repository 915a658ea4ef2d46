package cn.shuangyong.tenants.notifications.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One in-app notification as its reader sees it. */
@Serdeable
public record Notification(
    long id, String kind, @Nullable Long needId, String message, Instant createdAt, boolean read) {}
