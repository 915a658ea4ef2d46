package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.identity.Role;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/** One {@code app_user} row with its roles and last successful sign-in, as the store reads it. */
public record AccountRow(
    long id,
    String username,
    String displayName,
    String passwordHash,
    @Nullable String tenant,
    @Nullable String region,
    @Nullable Long garrisonUnitId,
    @Nullable Long responsibleUnitId,
    boolean enabled,
    @Nullable Instant lockedUntil,
    boolean mustChangePassword,
    @Nullable String phone,
    @Nullable String email,
    Set<Role> roles,
    @Nullable Instant lastLoginAt) {}
