package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.events.TenantEvent;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A project was created or changed (a step of its workflow, a milestone added or completed);
 * published after the change commits, so the summary and later the bell learn of it.
 */
@Serdeable
public record ProjectChanged(
    TenantCode tenant, long projectId, Action action, @Nullable Status from, Status to)
    implements TenantEvent {
  /** The feature name of the projects in events and the platform summary. */
  public static final String FEATURE = "projects";

  @Override
  public String feature() {
    return FEATURE;
  }
}
