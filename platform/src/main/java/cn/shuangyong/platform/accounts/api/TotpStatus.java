package cn.shuangyong.platform.accounts.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The caller's second factor: whether it is on ({@code enrolled}), begun and not yet confirmed
 * ({@code pending}), and whether the operator requires one for the caller's roles ({@code
 * required}).
 */
@Serdeable
public record TotpStatus(boolean enrolled, boolean pending, boolean required) {}
