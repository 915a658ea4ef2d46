package cn.shuangyong.tenants.projects.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.projects.api.Milestone;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectEvent;
import cn.shuangyong.tenants.projects.api.ProjectPage;
import cn.shuangyong.tenants.projects.api.ProjectQuery;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The projects of the tenant whose TenantScope transaction is running, in plain parameterised SQL:
 * the project with its names and milestone counts, its units and needs, milestones and timeline.
 * Works only inside a TenantScope transaction (the fenced connection decides the schema).
 */
@Singleton
public class ProjectStore {
  /** The API's sort fields and their columns. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "id", "p.id",
          "name", "p.name",
          "year", "p.year",
          "status", "p.status",
          "budget", "p.budget",
          "plannedStart", "p.planned_start",
          "plannedEnd", "p.planned_end",
          "createdAt", "p.created_at");

  private static final String SELECT =
      """
      select p.id, p.year, p.name, p.category, p.responsible_unit_id, r.name as responsible_unit_name,
             p.budget, p.funding_source, p.planned_start, p.planned_end, p.status, p.cancel_reason,
             p.progress_entered, p.created_at, p.created_by, p.updated_at,
             (select count(*) from project_milestone m where m.project_id = p.id) as milestones,
             (select count(*) from project_milestone m where m.project_id = p.id
                and m.completed_at is not null) as completed,
             (select count(*) from project_milestone m where m.project_id = p.id
                and m.completed_at is null and m.due_date < ?) as overdue
      from project p
      join responsible_unit r on r.id = p.responsible_unit_id
      """;

  /**
   * Rows a caller may see: all, or those its responsible unit carries or its garrison unit gets.
   */
  public record Visibility(@Nullable Long responsibleUnitId, @Nullable Long garrisonUnitId) {
    public static final Visibility ALL = new Visibility(null, null);
    public static final Visibility NONE = new Visibility(-1L, -1L);
  }

  public record NewProject(
      int year,
      String name,
      String category,
      long responsibleUnitId,
      BigDecimal budget,
      FundingSource fundingSource,
      LocalDate plannedStart,
      LocalDate plannedEnd,
      Instant at,
      String actor) {}

  private final JdbcOperations jdbc;

  ProjectStore(@Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The order of a list by a {@link #SORTABLE} field (newest first when null), ties newest first.
   */
  public static String orderBy(@Nullable String property, boolean ascending) {
    String column = property == null ? null : SORTABLE.get(property);
    if (column == null) {
      return "p.id desc";
    }
    return column + (ascending ? " asc" : " desc") + ", p.id desc";
  }

  public long insert(NewProject project) {
    return jdbc.prepareStatement(
        "insert into project (year, name, category, responsible_unit_id, budget, funding_source,"
            + " planned_start, planned_end, status, created_at, created_by, updated_at, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?) returning id",
        statement -> {
          bind(
              statement,
              List.of(
                  project.year(),
                  project.name(),
                  project.category(),
                  project.responsibleUnitId(),
                  project.budget(),
                  project.fundingSource().name(),
                  project.plannedStart(),
                  project.plannedEnd(),
                  Timestamp.from(project.at()),
                  project.actor(),
                  Timestamp.from(project.at()),
                  project.actor()));
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  public void linkGarrisonUnits(long projectId, Collection<Long> unitIds) {
    for (long unit : unitIds) {
      update(
          "insert into project_garrison_unit (project_id, garrison_unit_id) values (?, ?)",
          List.of(projectId, unit));
    }
  }

  /** The project's own fields, corrected; its benefiting units are replaced by {@code units}. */
  public void update(long id, ProjectFields fields, Collection<Long> units, Instant at, String by) {
    update(
        "update project set name = ?, category = ?, responsible_unit_id = ?, budget = ?,"
            + " funding_source = ?, planned_start = ?, planned_end = ?, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        List.of(
            fields.name(),
            fields.category(),
            fields.responsibleUnitId(),
            fields.budget(),
            fields.fundingSource().name(),
            fields.plannedStart(),
            fields.plannedEnd(),
            Timestamp.from(at),
            by,
            id));
    update("delete from project_garrison_unit where project_id = ?", List.of(id));
    linkGarrisonUnits(id, units);
  }

  /** The fields of a project the office may correct. */
  public record ProjectFields(
      String name,
      String category,
      long responsibleUnitId,
      BigDecimal budget,
      FundingSource fundingSource,
      LocalDate plannedStart,
      LocalDate plannedEnd) {}

  public void linkNeeds(long projectId, Collection<Long> needIds) {
    for (long need : needIds) {
      update(
          "insert into project_need (project_id, need_id) values (?, ?)", List.of(projectId, need));
    }
  }

  /** Links one need; false when it was linked already. */
  public boolean linkNeed(long projectId, long needId) {
    return update(
            "insert into project_need (project_id, need_id) values (?, ?) on conflict do nothing",
            List.of(projectId, needId))
        == 1;
  }

  /** Takes one need's link back; false when there was none. */
  public boolean unlinkNeed(long projectId, long needId) {
    return update(
            "delete from project_need where project_id = ? and need_id = ?",
            List.of(projectId, needId))
        == 1;
  }

  /** The progress the office entered (0..100), or {@code null}: back to the milestones' share. */
  public void enterProgress(long id, @Nullable Integer percent, Instant at, String by) {
    update(
        "update project set progress_entered = ?, updated_at = ?, updated_by = ?,"
            + " version = version + 1 where id = ?",
        java.util.Arrays.asList(percent, Timestamp.from(at), by, id));
  }

  /** A milestone past its due date, not completed, of a project still open. */
  public record LateMilestone(
      long projectId,
      String projectName,
      long responsibleUnitId,
      long milestoneId,
      String title,
      LocalDate dueDate) {}

  /** Every late milestone of the tenant's open projects, oldest due first. */
  public List<LateMilestone> lateMilestones(LocalDate today) {
    return jdbc.prepareStatement(
        "select p.id, p.name, p.responsible_unit_id, m.id, m.title, m.due_date"
            + " from project_milestone m join project p on p.id = m.project_id"
            + " where m.completed_at is null and m.due_date < ?"
            + " and p.status in ('PLANNED', 'IN_PROGRESS') order by m.due_date, m.id",
        statement -> {
          statement.setObject(1, today);
          List<LateMilestone> late = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              late.add(
                  new LateMilestone(
                      rows.getLong(1),
                      rows.getString(2),
                      rows.getLong(3),
                      rows.getLong(4),
                      rows.getString(5),
                      rows.getObject(6, LocalDate.class)));
            }
          }
          return late;
        });
  }

  /** The year's projects by status, and how many of the finished ones finished by their end. */
  public record YearCounts(
      long planned, long inProgress, long done, long cancelled, long doneOnTime) {}

  /**
   * The counts of the projects of {@code year}; a project finished on time when its last FINISH
   * fell (China time) on or before its planned end.
   */
  public YearCounts yearCounts(int year) {
    return jdbc.prepareStatement(
        "select count(*) filter (where p.status = 'PLANNED'),"
            + " count(*) filter (where p.status = 'IN_PROGRESS'),"
            + " count(*) filter (where p.status = 'DONE'),"
            + " count(*) filter (where p.status = 'CANCELLED'),"
            + " count(*) filter (where p.status = 'DONE' and ("
            + "   select (max(e.at) at time zone 'Asia/Shanghai')::date from project_event e"
            + "   where e.project_id = p.id and e.action = 'FINISH') <= p.planned_end)"
            + " from project p where p.year = ?",
        statement -> {
          statement.setInt(1, year);
          try (ResultSet row = statement.executeQuery()) {
            row.next();
            return new YearCounts(
                row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
          }
        });
  }

  /** Which of {@code ids} name an existing garrison unit of this tenant. */
  public Set<Long> existingGarrisonUnits(Collection<Long> ids) {
    return existing("garrison_unit", ids);
  }

  public Set<Long> existingNeeds(Collection<Long> ids) {
    return existing("need", ids);
  }

  public boolean responsibleUnitExists(long id) {
    return !existing("responsible_unit", List.of(id)).isEmpty();
  }

  private Set<Long> existing(String table, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    // table is one of three names written above, never input
    return jdbc.prepareStatement(
        "select id from " + table + " where id = any(?)",
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
          Set<Long> found = new HashSet<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(rows.getLong(1));
            }
          }
          return found;
        });
  }

  /** The project with its names and counts; with {@code lock}, its row stays locked. */
  public Optional<Project> find(long id, LocalDate today, boolean lock) {
    if (lock) {
      boolean exists =
          jdbc.prepareStatement(
              "select id from project where id = ? for update",
              statement -> {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                  return rows.next();
                }
              });
      if (!exists) {
        return Optional.empty();
      }
    }
    List<Object> arguments = new ArrayList<>();
    arguments.add(today);
    arguments.add(id);
    return complete(rows(SELECT + " where p.id = ?", arguments)).stream().findFirst();
  }

  public void moveTo(long id, Status status, @Nullable String cancelReason, Instant at, String by) {
    update(
        "update project set status = ?, cancel_reason = coalesce(?, cancel_reason),"
            + " updated_at = ?, updated_by = ?, version = version + 1 where id = ?",
        java.util.Arrays.asList(status.name(), cancelReason, Timestamp.from(at), by, id));
  }

  /** Marks the project changed (a milestone step) without a status change. */
  public void touch(long id, Instant at, String by) {
    update(
        "update project set updated_at = ?, updated_by = ?, version = version + 1 where id = ?",
        List.of(Timestamp.from(at), by, id));
  }

  public long addMilestone(long projectId, String title, LocalDate dueDate, Instant at, String by) {
    return jdbc.prepareStatement(
        "insert into project_milestone (project_id, title, due_date, created_at, created_by)"
            + " values (?, ?, ?, ?, ?) returning id",
        statement -> {
          bind(statement, List.of(projectId, title, dueDate, Timestamp.from(at), by));
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  /** The milestone of this project (locked for the rest of the transaction). */
  public Optional<Milestone> lockMilestone(long projectId, long milestoneId, LocalDate today) {
    return milestones(
            "select * from project_milestone where project_id = ? and id = ? for update",
            List.of(projectId, milestoneId),
            today)
        .stream()
        .findFirst();
  }

  public void completeMilestone(long milestoneId, Instant at, String by) {
    update(
        "update project_milestone set completed_at = ?, completed_by = ? where id = ?",
        List.of(Timestamp.from(at), by, milestoneId));
  }

  public List<Milestone> milestones(long projectId, LocalDate today) {
    return milestones(
        "select * from project_milestone where project_id = ? order by due_date, id",
        List.of(projectId),
        today);
  }

  private List<Milestone> milestones(String sql, List<Object> arguments, LocalDate today) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          List<Milestone> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              LocalDate due = rows.getObject("due_date", LocalDate.class);
              Timestamp completed = rows.getTimestamp("completed_at");
              found.add(
                  new Milestone(
                      rows.getLong("id"),
                      rows.getString("title"),
                      due,
                      completed == null ? null : completed.toInstant(),
                      rows.getString("completed_by"),
                      null,
                      completed == null && due.isBefore(today)));
            }
          }
          return found;
        });
  }

  public void addEvent(long projectId, ProjectEvent event) {
    update(
        "insert into project_event (project_id, at, actor, action, from_status, to_status, note)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        java.util.Arrays.asList(
            projectId,
            Timestamp.from(event.at()),
            event.actor(),
            event.action().name(),
            event.from() == null ? null : event.from().name(),
            event.to().name(),
            event.note()));
  }

  public List<ProjectEvent> history(long projectId) {
    return jdbc.prepareStatement(
        "select * from project_event where project_id = ? order by id",
        statement -> {
          statement.setLong(1, projectId);
          List<ProjectEvent> events = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              String from = rows.getString("from_status");
              events.add(
                  new ProjectEvent(
                      rows.getTimestamp("at").toInstant(),
                      rows.getString("actor"),
                      Action.valueOf(rows.getString("action")),
                      from == null ? null : Status.valueOf(from),
                      Status.valueOf(rows.getString("to_status")),
                      rows.getString("note"),
                      null));
            }
          }
          return events;
        });
  }

  /** An attachment of a project and where its bytes are kept. */
  public record AttachmentRow(Attachment attachment, String storageKey) {}

  public Attachment insertAttachment(
      long projectId,
      String fileName,
      String contentType,
      long sizeBytes,
      String storageKey,
      Instant at,
      String by) {
    long id =
        jdbc.prepareStatement(
            "insert into project_attachment (project_id, file_name, content_type, size_bytes,"
                + " storage_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?) returning id",
            statement -> {
              bind(
                  statement,
                  List.of(
                      projectId,
                      fileName,
                      contentType,
                      sizeBytes,
                      storageKey,
                      Timestamp.from(at),
                      by));
              try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
              }
            });
    return new Attachment(id, fileName, contentType, sizeBytes, at, by, null);
  }

  /** The project's attachments not taken off, oldest first. */
  public List<Attachment> attachments(long projectId) {
    return attachmentRows(
            "select * from project_attachment where project_id = ? and deleted_at is null"
                + " order by id",
            List.of(projectId))
        .stream()
        .map(AttachmentRow::attachment)
        .toList();
  }

  /** One attachment, reached only through its own project (and not taken off). */
  public Optional<AttachmentRow> attachment(long projectId, long attachmentId) {
    return attachmentRows(
            "select * from project_attachment where project_id = ? and id = ?"
                + " and deleted_at is null",
            List.of(projectId, attachmentId))
        .stream()
        .findFirst();
  }

  /** Takes an attachment off its project (row and bytes kept); false when there was none. */
  public boolean deleteAttachment(long projectId, long attachmentId, Instant at, String by) {
    return update(
            "update project_attachment set deleted_at = ?, deleted_by = ?"
                + " where project_id = ? and id = ? and deleted_at is null",
            List.of(Timestamp.from(at), by, projectId, attachmentId))
        == 1;
  }

  private List<AttachmentRow> attachmentRows(String sql, List<Object> arguments) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          List<AttachmentRow> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(
                  new AttachmentRow(
                      new Attachment(
                          rows.getLong("id"),
                          rows.getString("file_name"),
                          rows.getString("content_type"),
                          rows.getLong("size_bytes"),
                          rows.getTimestamp("created_at").toInstant(),
                          rows.getString("created_by"),
                          null),
                      rows.getString("storage_key")));
            }
          }
          return found;
        });
  }

  /** One page in {@code orderBy}, with the number of all rows that match. */
  public ProjectPage list(
      ProjectQuery query,
      Visibility visibility,
      LocalDate today,
      String orderBy,
      int offset,
      int limit) {
    ProjectListFilter filter = ProjectListFilter.of(query, visibility);
    List<Object> arguments = new ArrayList<>();
    arguments.add(today);
    arguments.addAll(filter.arguments());
    List<ProjectRows.Row> page =
        rows(
            SELECT
                + filter.where()
                + " order by "
                + orderBy
                + " limit "
                + limit
                + " offset "
                + offset,
            arguments);
    long total =
        page.isEmpty() && offset == 0
            ? 0
            : page.size() < limit && !page.isEmpty() ? offset + page.size() : count(filter);
    return new ProjectPage(complete(page), total);
  }

  private long count(ProjectListFilter filter) {
    return jdbc.prepareStatement(
        "select count(*) from project p" + filter.where(),
        statement -> {
          bind(statement, filter.arguments());
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private List<ProjectRows.Row> rows(String sql, List<Object> arguments) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          List<ProjectRows.Row> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(ProjectRows.row(rows));
            }
          }
          return found;
        });
  }

  /** The rows as projects, with their garrison units and needs read for the whole page at once. */
  private List<Project> complete(List<ProjectRows.Row> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Long[] ids = page.stream().map(ProjectRows.Row::id).toArray(Long[]::new);
    Map<Long, List<Project.UnitName>> units = unitsOf(ids);
    Map<Long, List<Project.NeedName>> needs = needsOf(ids);
    return page.stream()
        .map(
            row ->
                row.toProject(
                    units.getOrDefault(row.id(), List.of()),
                    needs.getOrDefault(row.id(), List.of())))
        .toList();
  }

  /** The benefiting garrison units of each project of the page, by name. */
  private Map<Long, List<Project.UnitName>> unitsOf(Long[] projectIds) {
    return jdbc.prepareStatement(
        "select pg.project_id, g.id, g.name from project_garrison_unit pg"
            + " join garrison_unit g on g.id = pg.garrison_unit_id"
            + " where pg.project_id = any(?) order by g.name, g.id",
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("bigint", projectIds));
          Map<Long, List<Project.UnitName>> units = new HashMap<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              units
                  .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                  .add(new Project.UnitName(rows.getLong(2), rows.getString(3)));
            }
          }
          return units;
        });
  }

  /** The needs each project of the page fulfils, with their titles. */
  private Map<Long, List<Project.NeedName>> needsOf(Long[] projectIds) {
    return jdbc.prepareStatement(
        "select pn.project_id, n.id, n.title from project_need pn join need n on n.id = pn.need_id"
            + " where pn.project_id = any(?) order by n.id",
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("bigint", projectIds));
          Map<Long, List<Project.NeedName>> needs = new HashMap<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              needs
                  .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                  .add(new Project.NeedName(rows.getLong(2), rows.getString(3)));
            }
          }
          return needs;
        });
  }

  private int update(String sql, List<Object> arguments) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, arguments);
          return statement.executeUpdate();
        });
  }

  static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }
}
