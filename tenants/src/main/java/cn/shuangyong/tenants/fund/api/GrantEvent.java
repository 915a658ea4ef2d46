package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.users.Person;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a grant's timeline: who did which step when, the status before and after, the note
 * (review note, refusal reason, payment reference) and the amount of an approval or payment. {@code
 * actorPerson} is filled on the detail.
 */
@Serdeable
public record GrantEvent(
    Instant at,
    String actor,
    Action action,
    @Nullable Status from,
    Status to,
    @Nullable String note,
    @Nullable BigDecimal amount,
    @Nullable Person actorPerson) {

  public GrantEvent withActor(@Nullable Person person) {
    return new GrantEvent(at, actor, action, from, to, note, amount, person);
  }
}
