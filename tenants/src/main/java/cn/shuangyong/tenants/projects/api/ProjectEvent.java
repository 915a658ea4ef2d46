package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.users.Person;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One line of a project's timeline: who did what when, the status before and after, a note (the
 * cancel reason, the milestone's title). {@code actorPerson} is filled on the detail.
 */
@Serdeable
public record ProjectEvent(
    java.time.Instant at,
    String actor,
    Action action,
    @Nullable Status from,
    Status to,
    @Nullable String note,
    @Nullable Person actorPerson) {

  public ProjectEvent withActor(@Nullable Person person) {
    return new ProjectEvent(at, actor, action, from, to, note, person);
  }
}
