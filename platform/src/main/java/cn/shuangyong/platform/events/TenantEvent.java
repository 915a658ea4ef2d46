package cn.shuangyong.platform.events;

import cn.shuangyong.platform.tenancy.TenantCode;

/**
 * Something that happened in one tenant, named in the past tense ({@code NeedSubmitted}). It
 * carries its tenant, is kept in the tenant's outbox in the same transaction as the change, and is
 * published in-process only after that transaction commits ({@link TenantEvents}).
 */
public interface TenantEvent {
  TenantCode tenant();

  /** The feature it belongs to ("needs", "projects", …): the platform summary refreshes it. */
  String feature();

  /** The outbox topic: {@code <feature>.<EventName>}. */
  default String topic() {
    return feature() + "." + getClass().getSimpleName();
  }
}
