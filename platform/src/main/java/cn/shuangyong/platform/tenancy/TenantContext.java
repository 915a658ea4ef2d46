package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.identity.CurrentUser;
import java.util.Objects;

/**
 * The one tenant a piece of work runs in, and who does it. Only the tenancy package creates it:
 * {@link TenantDirectory#enter} from an identity that may see the tenant (once per request, bound
 * by {@link TenantContextBinder} for controllers), {@link TenantJobs} for background work. Holding
 * one means the access was decided; {@link TenantScope} turns it into a connection fenced to that
 * tenant's schema and role. A supervisor's context is read-only: {@link TenantScope#write} refuses
 * it.
 */
public final class TenantContext {
  private final TenantCode code;
  private final String databaseRole;
  private final CurrentUser caller;
  private final boolean readOnly;

  TenantContext(TenantCode code, String databaseRole, CurrentUser caller, boolean readOnly) {
    this.code = Objects.requireNonNull(code);
    this.databaseRole = Objects.requireNonNull(databaseRole);
    this.caller = Objects.requireNonNull(caller);
    this.readOnly = readOnly;
  }

  public TenantCode code() {
    return code;
  }

  public String schema() {
    return code.schema();
  }

  /** Who works in the tenant: the signed-in user, or the job's system identity. */
  public CurrentUser caller() {
    return caller;
  }

  /** True for a caller that oversees the tenant (a supervisor) and may not change it. */
  public boolean readOnly() {
    return readOnly;
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
