package cn.shuangyong.platform.accounts.api;

import io.micronaut.core.annotation.Nullable;

/** Filters of an account list; a null field does not filter. */
public record AccountFilter(
    @Nullable String role, @Nullable AccountStatus status, @Nullable String query) {}
