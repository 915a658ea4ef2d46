package cn.shuangyong.tenants.projects.api;

import java.util.List;

/** A page of projects and the total, filtered, restricted to what the caller may see. */
public record ProjectPage(List<Project> items, long total) {}
