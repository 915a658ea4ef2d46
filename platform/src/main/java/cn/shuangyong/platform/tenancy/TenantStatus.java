package cn.shuangyong.platform.tenancy;

/** Lifecycle of a tenant's schema. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  FAILED,
  SUSPENDED
}
