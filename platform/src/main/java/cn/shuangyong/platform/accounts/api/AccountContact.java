package cn.shuangyong.platform.accounts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An account's phone and e-mail in plain: what {@code GET …/users/{id}/contact} answers to whoever
 * manages the account, each answer audited as {@code PERSONAL_DATA_UNMASKED}. Lists and details
 * show both masked.
 */
@Serdeable
public record AccountContact(@Nullable String phone, @Nullable String email) {}
