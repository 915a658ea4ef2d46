package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedEvent;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.api.NeedWorkflow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The needs of the tenant whose TenantScope transaction is running: reads of the joined need
 * (through {@code JdbcOperations}, the list's SQL is {@link NeedListStatement}), submissions and
 * history (through repositories).
 */
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

  /** The columns of {@link NeedListingRow} read from {@code need n} (not the search grams). */
  static final String NEED_COLUMNS =
      """
      n.id, n.year, n.direction, n.title, n.description, n.garrison_unit_id, n.source,
      n.expected_by, n.status, n.responsible_unit_id, n.deadline, n.level, n.percent,
      n.rejection_reason, n.satisfaction, n.satisfaction_comment, n.supervision_count, n.sample,
      n.created_at, n.created_by, n.updated_at, n.closed_at""";

  static final String FROM =
      """
      from need n
      join need_category c on c.id = n.category_id
      left join garrison_unit g on g.id = n.garrison_unit_id
      left join responsible_unit r on r.id = n.responsible_unit_id
      """;

  static final String COLUMNS =
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

  private final JdbcOperations jdbc;
  private final NeedRepository needs;
  private final NeedEventRepository events;

  NeedStore(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc,
      NeedRepository needs,
      NeedEventRepository events) {
    this.jdbc = jdbc;
    this.needs = needs;
    this.events = events;
  }

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

  /** A new need in status SUBMITTED; its id. */
  public long insert(NewNeed need) {
    return needs
        .save(
            new NeedRow(
                null,
                need.year(),
                need.direction(),
                need.title(),
                need.description(),
                need.categoryId(),
                need.garrisonUnitId(),
                need.source(),
                need.expectedBy(),
                Status.SUBMITTED,
                need.sample(),
                need.at(),
                need.actor(),
                need.at(),
                need.actor()))
        .id();
  }

  /**
   * The need with its names; with {@code lock}, its row stays locked until the transaction ends.
   */
  public Optional<Need> find(long id, LocalDate today, boolean lock) {
    Optional<Need> need = findOne(id, today);
    if (lock && need.isPresent()) {
      needs.lock(id);
      return findOne(id, today);
    }
    return need;
  }

  private Optional<Need> findOne(long id, LocalDate today) {
    return query(SELECT + " where n.id = ?", List.of(id), today).stream().findFirst();
  }

  /** Accepted or started needs whose deadline is {@code by} or earlier (units' names left out). */
  public List<Need> dueBy(LocalDate by, LocalDate today) {
    return query(
        "select "
            + NEED_COLUMNS
            + ", c.name as category_name, null as garrison_unit_name,"
            + " null as responsible_unit_name from need n join need_category c"
            + " on c.id = n.category_id where n.deadline <= ?"
            + " and n.status in ('ACCEPTED', 'IN_PROGRESS')",
        List.of(by),
        today);
  }

  public List<NeedEvent> history(long needId) {
    return events.findByNeedIdOrderById(needId).stream()
        .map(
            row ->
                new NeedEvent(
                    row.at(),
                    row.actor(),
                    row.action(),
                    row.fromStatus(),
                    row.toStatus(),
                    row.percent(),
                    row.note()))
        .map(NeedWorkflow::shown)
        .toList();
  }

  public void addEvent(long needId, NeedEvent event) {
    events.save(
        new NeedEventRow(
            null,
            needId,
            event.at(),
            event.actor(),
            event.action(),
            event.from(),
            event.to(),
            event.percent(),
            event.note()));
  }

  /** One page in {@code orderBy}, with the number of all rows that match. */
  public NeedPage list(
      NeedQuery query,
      Visibility visibility,
      LocalDate today,
      String orderBy,
      int offset,
      int limit) {
    NeedListStatement statement = NeedListStatement.of(query, visibility, today);
    // one statement for the page and the count of all matching rows (one round trip less)
    Counted page =
        jdbc.prepareStatement(
            statement.page(orderBy, offset, limit),
            prepared -> {
              NeedListStatement.bind(prepared, statement.pageArguments());
              try (ResultSet rows = prepared.executeQuery()) {
                return counted(rows, today);
              }
            });
    long total = !page.items().isEmpty() ? page.matching() : offset == 0 ? 0 : count(statement);
    return new NeedPage(page.items(), total);
  }

  /** A page's needs and the number of all rows matching its filter. */
  private record Counted(List<Need> items, long matching) {}

  private Counted counted(ResultSet rows, LocalDate today) throws SQLException {
    List<Need> items = new ArrayList<>();
    long matching = 0;
    while (rows.next()) {
      matching = rows.getLong("matching");
      items.add(toNeed(jdbc.readEntity(rows, NeedListingRow.class), today));
    }
    return new Counted(items, matching);
  }

  private long count(NeedListStatement statement) {
    return jdbc.prepareStatement(
        statement.count(),
        prepared -> {
          NeedListStatement.bind(prepared, statement.arguments());
          try (ResultSet rows = prepared.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
          }
        });
  }

  private List<Need> query(String sql, List<Object> arguments, LocalDate today) {
    return jdbc.prepareStatement(
        sql,
        prepared -> {
          NeedListStatement.bind(prepared, arguments);
          try (ResultSet rows = prepared.executeQuery()) {
            List<Need> found = new ArrayList<>();
            while (rows.next()) {
              found.add(toNeed(jdbc.readEntity(rows, NeedListingRow.class), today));
            }
            return found;
          }
        });
  }

  private static Need toNeed(NeedListingRow row, LocalDate today) {
    LocalDate deadline = row.deadline();
    return new Need(
        row.id(),
        row.year(),
        row.direction(),
        row.title(),
        row.description(),
        row.categoryName(),
        row.garrisonUnitId(),
        row.garrisonUnitName(),
        row.source(),
        row.expectedBy(),
        row.status(),
        row.responsibleUnitId(),
        row.responsibleUnitName(),
        deadline,
        row.level(),
        row.percent(),
        row.rejectionReason(),
        row.satisfaction(),
        row.satisfactionComment(),
        row.supervisionCount(),
        deadline != null && deadline.isBefore(today) && row.status().isOpen(),
        row.sample(),
        row.createdAt(),
        row.createdBy(),
        row.updatedAt(),
        row.closedAt(),
        null);
  }
}
