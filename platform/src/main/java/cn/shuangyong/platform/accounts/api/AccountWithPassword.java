package cn.shuangyong.platform.accounts.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A created or reset account with its one-time initial password: answered once, never stored in
 * clear, to be changed at the first sign-in.
 */
@Serdeable
public record AccountWithPassword(@JsonUnwrapped Account account, String initialPassword) {}
