package cn.shuangyong.tenants.budgets.api;

import java.util.List;

/** A page of the ledger and how many expenditures match in all. */
public record ExpenditurePage(List<Expenditure> items, long total) {}
