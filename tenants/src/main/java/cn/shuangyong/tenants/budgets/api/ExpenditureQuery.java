package cn.shuangyong.tenants.budgets.api;

import io.micronaut.core.annotation.Nullable;

/** The ledger's filters, each optional: year, category (by name), project, evidenced or not. */
public record ExpenditureQuery(
    @Nullable Integer year,
    @Nullable String category,
    @Nullable Long projectId,
    @Nullable Boolean evidenced) {
  public static final ExpenditureQuery ALL = new ExpenditureQuery(null, null, null, null);
}
