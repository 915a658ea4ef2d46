package cn.shuangyong.tenants.projects.internal;

import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import cn.shuangyong.tenants.projects.api.ProjectWorkflow;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A project row as read with its names and milestone counts. */
final class ProjectRows {
  private ProjectRows() {}

  record Row(
      long id,
      int year,
      String name,
      String category,
      long responsibleUnitId,
      String responsibleUnitName,
      BigDecimal budget,
      FundingSource fundingSource,
      LocalDate plannedStart,
      LocalDate plannedEnd,
      Status status,
      @Nullable String cancelReason,
      @Nullable Integer progressEntered,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      int milestones,
      int completed,
      int overdue) {

    Project toProject(List<Project.UnitName> units, List<Project.NeedName> needs) {
      ProjectWorkflow.Progress progress =
          ProjectWorkflow.progress(status, progressEntered, milestones, completed);
      return new Project(
          id,
          year,
          name,
          category,
          units.stream().map(Project.UnitName::id).toList(),
          units,
          responsibleUnitId,
          responsibleUnitName,
          budget,
          fundingSource,
          plannedStart,
          plannedEnd,
          status,
          cancelReason,
          progress.percent(),
          progress.source(),
          milestones,
          completed,
          status.isOpen() ? overdue : 0,
          needs.stream().map(Project.NeedName::id).toList(),
          needs,
          createdAt,
          createdBy,
          updatedAt,
          null,
          null);
    }
  }

  static Row row(ResultSet rows) throws SQLException {
    int entered = rows.getInt("progress_entered");
    Integer progressEntered = rows.wasNull() ? null : entered;
    return new Row(
        rows.getLong("id"),
        rows.getInt("year"),
        rows.getString("name"),
        rows.getString("category"),
        rows.getLong("responsible_unit_id"),
        rows.getString("responsible_unit_name"),
        rows.getBigDecimal("budget"),
        FundingSource.valueOf(rows.getString("funding_source")),
        rows.getObject("planned_start", LocalDate.class),
        rows.getObject("planned_end", LocalDate.class),
        Status.valueOf(rows.getString("status")),
        rows.getString("cancel_reason"),
        progressEntered,
        rows.getTimestamp("created_at").toInstant(),
        rows.getString("created_by"),
        rows.getTimestamp("updated_at").toInstant(),
        rows.getInt("milestones"),
        rows.getInt("completed"),
        rows.getInt("overdue"));
  }
}
