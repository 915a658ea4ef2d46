package cn.shuangyong.platform.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** A person who signs in; roles are kept in {@code role_assignment}. */
@MappedEntity("app_user")
public record UserAccount(
    @Id @GeneratedValue @Nullable Long id,
    String username,
    String displayName,
    String passwordHash,
    @Nullable String tenantCode,
    @Nullable String regionCode,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    boolean enabled,
    int failedAttempts,
    @Nullable Instant lockedUntil,
    String locale,
    @Nullable String email,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Version @Nullable Integer version) {}
