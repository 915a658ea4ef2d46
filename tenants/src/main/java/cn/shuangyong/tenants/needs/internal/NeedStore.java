package cn.shuangyong.tenants.needs.internal;

import static cn.shuangyong.platform.database.Jdbc.date;
import static cn.shuangyong.platform.database.Jdbc.instant;
import static cn.shuangyong.platform.database.Jdbc.nullableLong;

import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedEvent;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the 双清单, run on a connection already fenced to one tenant (TenantScope). */
@Singleton
public class NeedStore {
  public static final Map<String, String> SORTABLE =
      Map.of(
          "id", "n.id",
          "deadline", "n.deadline",
          "createdAt", "n.created_at",
          "title", "n.title",
          "status", "n.status",
          "year", "n.year");

  /** The one sortable column that may be empty: needs without a deadline come last. */
  private static final String NULLABLE_SORT_COLUMN = "n.deadline";

  /**
   * The order of a list: by a {@link #SORTABLE} property (newest first when null or unknown), ties
   * newest first. Only the nullable column says "nulls last": on the others it would keep
   * PostgreSQL from reading the rows in index order.
   */
  public static String orderBy(@Nullable String property, boolean ascending) {
    String column = property == null ? null : SORTABLE.get(property);
    if (column == null) {
      return "n.id desc";
    }
    return column
        + (ascending ? " asc" : " desc")
        + (column.equals(NULLABLE_SORT_COLUMN) ? " nulls last" : "");
  }

  /** The columns {@link #map} reads (not the search grams, which only the index needs). */
  public static final String NEED_COLUMNS =
      """
      n.id, n.year, n.direction, n.title, n.description, n.garrison_unit_id, n.source,
      n.expected_by, n.status, n.responsible_unit_id, n.deadline, n.level, n.percent,
      n.rejection_reason, n.satisfaction, n.satisfaction_comment, n.supervision_count, n.sample,
      n.created_at, n.created_by, n.updated_at, n.closed_at""";

  private static final String FROM =
      """
      from need n
      join need_category c on c.id = n.category_id
      left join garrison_unit g on g.id = n.garrison_unit_id
      left join responsible_unit r on r.id = n.responsible_unit_id
      """;

  private static final String COLUMNS =
      NEED_COLUMNS
          + ", c.name as category_name, g.name as garrison_unit_name,"
          + " r.name as responsible_unit_name ";

  private static final String SELECT = "select " + COLUMNS + FROM;

  /** Rows a caller may see: all, or only those of its garrison unit or responsible unit. */
  public record Visibility(@Nullable Long garrisonUnitId, @Nullable Long responsibleUnitId) {
    public static final Visibility ALL = new Visibility(null, null);
  }

  public record NewNeed(
      int year,
      Direction direction,
      String title,
      @Nullable String description,
      long categoryId,
      @Nullable Long garrisonUnitId,
      Source source,
      @Nullable LocalDate expectedBy,
      boolean sample,
      Instant at,
      String actor) {}

  public long insert(Connection c, NewNeed need) throws SQLException {
    return Jdbc.one(
            c,
            """
            insert into need (year, direction, title, description, category_id, garrison_unit_id,
                              source, expected_by, status, sample, created_at, created_by,
                              updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?) returning id""",
            row -> row.getLong(1),
            need.year(),
            need.direction(),
            need.title(),
            need.description(),
            need.categoryId(),
            need.garrisonUnitId(),
            need.source(),
            need.expectedBy(),
            need.sample(),
            need.at(),
            need.actor(),
            need.at(),
            need.actor())
        .orElseThrow();
  }

  public Optional<Need> find(Connection c, long id, LocalDate today, boolean lock)
      throws SQLException {
    Optional<Need> need = Jdbc.one(c, SELECT + " where n.id = ?", row -> map(row, today), id);
    if (lock && need.isPresent()) {
      Jdbc.one(c, "select id from need where id = ? for update", row -> row.getLong(1), id);
      return Jdbc.one(c, SELECT + " where n.id = ?", row -> map(row, today), id);
    }
    return need;
  }

  public List<NeedEvent> history(Connection c, long needId) throws SQLException {
    return Jdbc.list(
        c,
        "select * from need_event where need_id = ? order by id",
        row ->
            new NeedEvent(
                instant(row, "at"),
                row.getString("actor"),
                Action.valueOf(row.getString("action")),
                row.getString("from_status") == null
                    ? null
                    : Status.valueOf(row.getString("from_status")),
                Status.valueOf(row.getString("to_status")),
                (Integer) row.getObject("percent"),
                row.getString("note")),
        needId);
  }

  public void addEvent(Connection c, long needId, NeedEvent event) throws SQLException {
    Jdbc.update(
        c,
        "insert into need_event (need_id, at, actor, action, from_status, to_status, percent, note)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        needId,
        event.at(),
        event.actor(),
        event.action(),
        event.from() == null ? null : event.from().name(),
        event.to(),
        event.percent(),
        event.note());
  }

  public NeedPage list(
      Connection c,
      NeedQuery query,
      Visibility visibility,
      LocalDate today,
      String orderBy,
      int offset,
      int limit)
      throws SQLException {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> arguments = new ArrayList<>();
    filter(query, visibility, today, where, arguments);
    // one statement for the page and the count of all matching rows (one round trip less)
    String count = "select count(*) from need n" + where;
    List<Object> paged = new ArrayList<>(arguments);
    paged.addAll(arguments);
    List<Counted> rows =
        Jdbc.list(
            c,
            "select ("
                + count
                + ") as matching, "
                + COLUMNS
                + FROM
                + where
                + " order by "
                + orderBy
                + (orderBy.startsWith("n.id ") ? "" : ", n.id desc")
                // numbers in the text, not parameters: with a parameter PostgreSQL cannot cost
                // the limit of a generic plan and plans every execution anew (about half the
                // database time of a list); as text each page size and offset is one statement
                // whose plan is reused after its fifth run on a connection
                + " limit "
                + limit
                + " offset "
                + offset,
            row -> new Counted(map(row, today), row.getLong("matching")),
            paged.toArray());
    List<Need> items = rows.stream().map(Counted::need).toList();
    long total =
        !rows.isEmpty()
            ? rows.get(0).matching()
            : offset == 0 ? 0 : Jdbc.count(c, count, arguments.toArray());
    return new NeedPage(items, total);
  }

  /** A row of a page with the number of all rows matching the page's filter. */
  private record Counted(Need need, long matching) {}

  public static void filter(
      NeedQuery query,
      Visibility visibility,
      LocalDate today,
      StringBuilder where,
      List<Object> arguments) {
    if (visibility.garrisonUnitId() != null) {
      where.append(" and n.garrison_unit_id = ?");
      arguments.add(visibility.garrisonUnitId());
    }
    if (visibility.responsibleUnitId() != null) {
      where.append(" and n.responsible_unit_id = ?");
      arguments.add(visibility.responsibleUnitId());
    }
    if (query.status() != null) {
      where.append(" and n.status = ?");
      arguments.add(query.status().name());
    }
    if (query.direction() != null) {
      where.append(" and n.direction = ?");
      arguments.add(query.direction().name());
    }
    if (query.year() != null) {
      where.append(" and n.year = ?");
      arguments.add(query.year());
    }
    if (query.garrisonUnitId() != null) {
      where.append(" and n.garrison_unit_id = ?");
      arguments.add(query.garrisonUnitId());
    }
    if (query.responsibleUnitId() != null) {
      where.append(" and n.responsible_unit_id = ?");
      arguments.add(query.responsibleUnitId());
    }
    if (query.overdueOnly()) {
      where.append(" and n.deadline < ? and n.status not in ('COMPLETED', 'CLOSED', 'REJECTED')");
      arguments.add(today);
    }
    SearchTerms search = query.text() == null ? null : SearchTerms.of(query.text());
    if (search != null && !search.isEmpty()) {
      where.append(" and n.search_grams @> ?");
      arguments.add(search.grams());
      for (String pattern : search.likePatterns()) {
        where.append(" and (n.title ilike ? or n.description ilike ?)");
        arguments.add(pattern);
        arguments.add(pattern);
      }
    }
  }

  public Optional<Long> categoryId(Connection c, String name) throws SQLException {
    return Jdbc.one(
        c,
        "select id from need_category where lower(name) = lower(?) and active",
        row -> row.getLong(1),
        name.trim());
  }

  public List<String> categories(Connection c) throws SQLException {
    return Jdbc.list(
        c,
        "select name from need_category where active order by sort_order, name",
        row -> row.getString(1));
  }

  public boolean exists(Connection c, String table, long id) throws SQLException {
    return Jdbc.count(c, "select count(*) from " + table + " where id = ?", id) > 0;
  }

  public static Need map(ResultSet row, LocalDate today) throws SQLException {
    Status status = Status.valueOf(row.getString("status"));
    LocalDate deadline = date(row, "deadline");
    String level = row.getString("level");
    String satisfaction = row.getString("satisfaction");
    return new Need(
        row.getLong("id"),
        row.getInt("year"),
        Direction.valueOf(row.getString("direction")),
        row.getString("title"),
        row.getString("description"),
        row.getString("category_name"),
        nullableLong(row, "garrison_unit_id"),
        row.getString("garrison_unit_name"),
        Source.valueOf(row.getString("source")),
        date(row, "expected_by"),
        status,
        nullableLong(row, "responsible_unit_id"),
        row.getString("responsible_unit_name"),
        deadline,
        level == null ? null : Level.valueOf(level),
        row.getInt("percent"),
        row.getString("rejection_reason"),
        satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
        row.getString("satisfaction_comment"),
        row.getInt("supervision_count"),
        deadline != null && deadline.isBefore(today) && status.isOpen(),
        row.getBoolean("sample"),
        instant(row, "created_at"),
        row.getString("created_by"),
        instant(row, "updated_at"),
        instant(row, "closed_at"),
        null);
  }
}
