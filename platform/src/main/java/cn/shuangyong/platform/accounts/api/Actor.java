package cn.shuangyong.platform.accounts.api;

import cn.shuangyong.platform.identity.CurrentUser;
import io.micronaut.core.annotation.Nullable;

/**
 * Who changes an account and from where (for the audit), with the token or UI session it uses now
 * (kept alive by its own password change, every other one ends).
 */
public record Actor(
    CurrentUser user,
    @Nullable String ip,
    @Nullable String tokenId,
    @Nullable String uiSessionId) {}
