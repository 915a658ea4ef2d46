package cn.shuangyong.tenants.projects.internal;

import cn.shuangyong.tenants.projects.api.ProjectQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The where clause of the projects list and its arguments: what the caller may see, then the
 * filters. The text search matches a project whose name or category contains every word of {@code
 * q} (whitespace splits words, case is ignored, {@code % _ \} are taken literally).
 */
record ProjectListFilter(String where, List<Object> arguments) {

  static ProjectListFilter of(ProjectQuery query, ProjectStore.Visibility visibility) {
    List<String> conditions = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    if (visibility.responsibleUnitId() != null || visibility.garrisonUnitId() != null) {
      // a handler's unit carries it, or a liaison's unit benefits from it
      conditions.add(
          "(p.responsible_unit_id = ? or exists (select 1 from project_garrison_unit v"
              + " where v.project_id = p.id and v.garrison_unit_id = ?))");
      arguments.add(visibility.responsibleUnitId() == null ? -1L : visibility.responsibleUnitId());
      arguments.add(visibility.garrisonUnitId() == null ? -1L : visibility.garrisonUnitId());
    }
    if (query.status() != null) {
      conditions.add("p.status = ?");
      arguments.add(query.status().name());
    }
    if (query.year() != null) {
      conditions.add("p.year = ?");
      arguments.add(query.year());
    }
    if (query.garrisonUnitId() != null) {
      conditions.add(
          "exists (select 1 from project_garrison_unit g where g.project_id = p.id"
              + " and g.garrison_unit_id = ?)");
      arguments.add(query.garrisonUnitId());
    }
    if (query.needId() != null) {
      conditions.add(
          "exists (select 1 from project_need n where n.project_id = p.id and n.need_id = ?)");
      arguments.add(query.needId());
    }
    if (query.text() != null) {
      for (String word : query.text().strip().split("[\\s\\p{Z}]+")) {
        if (!word.isEmpty()) {
          conditions.add("(p.name || ' ' || p.category) ilike ?");
          arguments.add(
              "%"
                  + word.toLowerCase(Locale.ROOT)
                      .replace("\\", "\\\\")
                      .replace("%", "\\%")
                      .replace("_", "\\_")
                  + "%");
        }
      }
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return new ProjectListFilter(where, List.copyOf(arguments));
  }
}
