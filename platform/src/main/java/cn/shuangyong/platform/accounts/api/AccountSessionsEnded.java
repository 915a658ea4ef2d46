package cn.shuangyong.platform.accounts.api;

/**
 * The account's sessions must end now (disabled, password reset or changed, signed out everywhere):
 * the API tokens are revoked by then; the UI closes its sessions of that user, except {@code
 * keepSessionId} (the session that changed its own password), when set.
 */
public record AccountSessionsEnded(String username, String keepSessionId) {}
