package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.users.Person;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One line of a need's history: a transition or a 督办. {@code actor} is the login name kept with the
 * event; {@code actorPerson} says who that is (display name, unit), filled on the detail.
 */
@Serdeable
public record NeedEvent(
    Instant at,
    String actor,
    Action action,
    @Nullable Status from,
    Status to,
    @Nullable Integer percent,
    @Nullable String note,
    @Nullable Person actorPerson) {

  /** An event as it is recorded: who did it is resolved when it is read. */
  public NeedEvent(
      Instant at,
      String actor,
      Action action,
      @Nullable Status from,
      Status to,
      @Nullable Integer percent,
      @Nullable String note) {
    this(at, actor, action, from, to, percent, note, null);
  }

  public NeedEvent withActor(Person person) {
    return new NeedEvent(at, actor, action, from, to, percent, note, person);
  }
}
