package cn.shuangyong.platform.tenancy;

/**
 * This node could not migrate a tenant now for trouble of its own (no connection in time, a
 * connection refused or cut, a database out of slots or restarting): the registry is left as it
 * was, the tenant stays not ready on this node and is retried in the background.
 */
public class TenantMigrationDeferred extends RuntimeException {
  private final String code;

  TenantMigrationDeferred(String code, Throwable cause) {
    super("tenant " + code + " not migrated on this node for now: " + cause.getMessage(), cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
