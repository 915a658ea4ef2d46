package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;

/**
 * Filters of the projects list; a null field does not filter. {@code needId} finds the projects
 * that fulfil one need (how a need shows its projects).
 */
public record ProjectQuery(
    @Nullable Status status,
    @Nullable Integer year,
    @Nullable Long garrisonUnitId,
    @Nullable Long needId,
    @Nullable String text) {

  public static ProjectQuery all() {
    return new ProjectQuery(null, null, null, null, null);
  }
}
