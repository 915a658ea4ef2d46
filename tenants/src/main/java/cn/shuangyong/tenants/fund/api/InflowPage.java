package cn.shuangyong.tenants.fund.api;

import java.util.List;

/** A page of the fund's inflows and how many there are in all. */
public record InflowPage(List<Inflow> items, long total) {}
