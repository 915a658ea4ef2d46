package cn.shuangyong.tenants.notifications.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One in-app notification as its reader sees it. {@code subject} is what it is about; {@code
 * needId} stays for the clients of the first version (the subject's id when it is a need).
 */
@Serdeable
public record Notification(
    long id,
    String kind,
    @Nullable Subject subject,
    @Nullable Long needId,
    String message,
    Instant createdAt,
    boolean read) {}
