package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.tenants.needs.internal.NeedRepository;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Marks needs as sample data (the badge 示例 on their page). The demo's needs are made through the
 * workflow like anyone's ({@link NeedService}), so their histories, figures and notifications are
 * the workflow's own; only this mark tells them apart. Bootstrap only: no permission is checked.
 */
@Singleton
public class NeedSamples {
  private final TenantScope scope;
  private final NeedRepository needs;

  NeedSamples(TenantScope scope, NeedRepository needs) {
    this.scope = scope;
    this.needs = needs;
  }

  /** Marks these needs of the tenant as sample data. */
  public void mark(TenantContext tenant, Collection<Long> ids) {
    long[] marked = ids.stream().mapToLong(Long::longValue).toArray();
    scope.write(
        tenant,
        () -> {
          needs.markSample(marked);
          return null;
        });
  }
}
