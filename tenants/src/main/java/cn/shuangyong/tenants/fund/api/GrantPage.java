package cn.shuangyong.tenants.fund.api;

import java.util.List;

/** A page of grants and how many match in all. */
public record GrantPage(List<Grant> items, long total) {}
