package cn.shuangyong.tenants.budgets.api;

import io.micronaut.serde.annotation.Serdeable;

/** A category of budget lines (慰问, 基础设施 …): per-tenant data. */
@Serdeable
public record BudgetCategory(long id, String name, int sortOrder, boolean active) {}
