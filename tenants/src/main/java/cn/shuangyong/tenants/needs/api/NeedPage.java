package cn.shuangyong.tenants.needs.api;

import java.util.List;

/** A page of needs and the total, filtered, restricted to what the caller may see. */
public record NeedPage(List<Need> items, long total) {}
