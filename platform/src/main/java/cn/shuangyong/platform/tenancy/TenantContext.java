package cn.shuangyong.platform.tenancy;

import java.util.Objects;

/**
 * The one tenant a piece of work runs in. Only the tenancy package creates it (from an identity
 * that may see the tenant, or explicitly for platform jobs), so holding one means the access was
 * decided; {@link TenantScope} turns it into a connection fenced to that tenant's schema and role.
 */
public final class TenantContext {
  private final TenantCode code;
  private final String databaseRole;

  TenantContext(TenantCode code, String databaseRole) {
    this.code = Objects.requireNonNull(code);
    this.databaseRole = Objects.requireNonNull(databaseRole);
  }

  public TenantCode code() {
    return code;
  }

  public String schema() {
    return code.schema();
  }

  String databaseRole() {
    return databaseRole;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TenantContext that && that.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return "tenant " + code;
  }
}
