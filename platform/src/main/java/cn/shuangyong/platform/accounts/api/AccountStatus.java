package cn.shuangyong.platform.accounts.api;

/** What an account may do now: sign in, nothing (disabled), or wait (locked after failures). */
public enum AccountStatus {
  ACTIVE,
  DISABLED,
  LOCKED
}
