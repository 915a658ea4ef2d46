package cn.shuangyong.tenants.budgets.internal;

import cn.shuangyong.platform.database.Statements;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.budgets.api.Budget;
import cn.shuangyong.tenants.budgets.api.BudgetCategory;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.tenants.budgets.api.ExpenditurePage;
import cn.shuangyong.tenants.budgets.api.ExpenditureQuery;
import cn.shuangyong.tenants.budgets.api.MonthActual;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget lines, expenditures and vouchers of the tenant whose TenantScope transaction is
 * running, in plain parameterised SQL. Sums are taken by the database over {@code numeric}, so they
 * are exact to the fen. Works only inside a TenantScope transaction (the fenced connection decides
 * the schema).
 */
@Singleton
public class BudgetStore {
  /** The ledger's sort fields and their columns. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "id", "e.id",
          "date", "e.spent_on",
          "amount", "e.amount",
          "category", "c.sort_order",
          "payee", "e.payee",
          "createdAt", "e.created_at");

  private static final String EXPENDITURE =
      """
      select e.id, e.year, e.spent_on, e.amount, e.budget_line_id, c.name as category, e.payee,
             e.purpose, e.project_id, p.name as project_name, e.need_id, n.title as need_title,
             e.over_budget_reason, e.evidenced, e.created_at, e.created_by,
             (select count(*) from expenditure_voucher v where v.expenditure_id = e.id) as vouchers
      from expenditure e
      join budget_line l on l.id = e.budget_line_id
      join budget_category c on c.id = l.category_id
      left join project p on p.id = e.project_id
      left join need n on n.id = e.need_id
      """;

  /** A kept budget line, for the writes. */
  public record LineRow(long id, long categoryId, String category, BigDecimal amount) {}

  public record NewExpenditure(
      int year,
      long budgetLineId,
      LocalDate date,
      BigDecimal amount,
      String payee,
      String purpose,
      @Nullable Long projectId,
      @Nullable Long needId,
      @Nullable String overBudgetReason,
      Instant at,
      String actor) {}

  /** A kept voucher with where its bytes are. */
  public record VoucherRow(Attachment attachment, String storageKey) {}

  private final JdbcOperations jdbc;
  private final Statements sql;

  BudgetStore(@Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc) {
    this.jdbc = jdbc;
    this.sql = new Statements(jdbc);
  }

  /** The order of the ledger by a {@link #SORTABLE} field (newest date first when null). */
  public static String orderBy(@Nullable String property, boolean ascending) {
    String column = property == null ? null : SORTABLE.get(property);
    if (column == null) {
      return "e.spent_on desc, e.id desc";
    }
    return column + (ascending ? " asc" : " desc") + ", e.id desc";
  }

  public List<BudgetCategory> categories() {
    return sql.query(
        "select id, name, sort_order, active from budget_category order by sort_order, id",
        List.of(),
        rows ->
            new BudgetCategory(
                rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getBoolean(4)));
  }

  public long addCategory(String name) {
    return sql.queryOne(
        "insert into budget_category (name, sort_order)"
            + " values (?, (select coalesce(max(sort_order), 0) + 10 from budget_category))"
            + " returning id",
        List.of(name),
        rows -> rows.getLong(1));
  }

  /**
   * The year's lines with their spending (from the running totals: at most twelve rows a line) and
   * the previous year's amount of each category.
   */
  public List<Budget.Line> lines(int year) {
    return sql.query(
        """
        select l.id, c.name, l.amount,
               coalesce(s.spent, 0), coalesce(s.evidenced, 0), previous.amount, coalesce(s.count, 0)
        from budget_line l
        join budget_category c on c.id = l.category_id
        left join lateral (select sum(t.spent) as spent, sum(t.evidenced) as evidenced,
                                  sum(t.expenditures) as count
                           from budget_month_total t where t.budget_line_id = l.id) s on true
        left join budget_line previous
               on previous.year = l.year - 1 and previous.category_id = l.category_id
        where l.year = ?
        order by c.sort_order, c.id
        """,
        List.of(year),
        rows -> {
          BigDecimal budgeted = money(rows.getBigDecimal(3));
          BigDecimal spent = money(rows.getBigDecimal(4));
          BigDecimal previous = rows.getBigDecimal(6);
          return new Budget.Line(
              rows.getLong(1),
              rows.getString(2),
              budgeted,
              spent,
              money(rows.getBigDecimal(5)),
              budgeted.subtract(spent),
              previous == null ? null : money(previous),
              cn.shuangyong.tenants.budgets.api.BudgetRules.growth(budgeted, previous),
              rows.getLong(7));
        });
  }

  /** The whole budget of {@code year}, or null when the year has no lines. */
  public @Nullable BigDecimal total(int year) {
    BigDecimal total =
        sql.queryOne(
            "select sum(amount) from budget_line where year = ?",
            List.of(year),
            rows -> rows.getBigDecimal(1));
    return total == null ? null : money(total);
  }

  /** The year's lines by category id, locked until the transaction ends. */
  public Map<Long, LineRow> lockLines(int year) {
    Map<Long, LineRow> lines = new LinkedHashMap<>();
    sql.query(
            "select l.id, l.category_id, c.name, l.amount from budget_line l"
                + " join budget_category c on c.id = l.category_id where l.year = ?"
                + " order by l.id for update of l",
            List.of(year),
            BudgetStore::lineRow)
        .forEach(line -> lines.put(line.categoryId(), line));
    return lines;
  }

  /** The line of {@code category} (its name, case ignored) in {@code year}, locked. */
  public Optional<LineRow> lockLine(int year, String category) {
    return sql
        .query(
            "select l.id, l.category_id, c.name, l.amount from budget_line l"
                + " join budget_category c on c.id = l.category_id"
                + " where l.year = ? and lower(c.name) = lower(?) for update of l",
            List.of(year, category),
            BudgetStore::lineRow)
        .stream()
        .findFirst();
  }

  /** The years whose budget has a line of {@code category}, for a message naming them. */
  public List<Integer> yearsWithCategory(String category) {
    return sql.query(
        "select l.year from budget_line l join budget_category c on c.id = l.category_id"
            + " where lower(c.name) = lower(?) order by l.year",
        List.of(category),
        rows -> rows.getInt(1));
  }

  /** What was spent on the line so far (its running totals). */
  public BigDecimal spentOnLine(long lineId) {
    return money(
        sql.queryOne(
            "select coalesce(sum(spent), 0) from budget_month_total where budget_line_id = ?",
            List.of(lineId),
            rows -> rows.getBigDecimal(1)));
  }

  public boolean lineHasExpenditures(long lineId) {
    return sql.queryOne(
        "select exists (select 1 from expenditure where budget_line_id = ?)",
        List.of(lineId),
        rows -> rows.getBoolean(1));
  }

  public void insertLine(int year, long categoryId, BigDecimal amount, Instant at, String actor) {
    sql.update(
        "insert into budget_line (year, category_id, amount, created_at, created_by, updated_at,"
            + " updated_by) values (?, ?, ?, ?, ?, ?, ?)",
        List.of(year, categoryId, amount, Timestamp.from(at), actor, Timestamp.from(at), actor));
  }

  public void updateLine(long lineId, BigDecimal amount, Instant at, String actor) {
    sql.update(
        "update budget_line set amount = ?, updated_at = ?, updated_by = ? where id = ?",
        List.of(amount, Timestamp.from(at), actor, lineId));
  }

  public void deleteLine(long lineId) {
    sql.update("delete from budget_line where id = ?", List.of(lineId));
  }

  public boolean exists(String table, long id) {
    // table is "project" or "need", written by the service, never input
    return sql.queryOne(
        "select exists (select 1 from " + table + " where id = ?)",
        List.of(id),
        rows -> rows.getBoolean(1));
  }

  /**
   * Books the expenditure and adds it to its line's total of its month, in one statement (so in the
   * same transaction, whatever the caller does).
   */
  public long insertExpenditure(NewExpenditure e) {
    List<Object> values = new ArrayList<>();
    values.add(e.year());
    values.add(e.budgetLineId());
    values.add(e.date());
    values.add(e.amount());
    values.add(e.payee());
    values.add(e.purpose());
    values.add(e.projectId());
    values.add(e.needId());
    values.add(e.overBudgetReason());
    values.add(Timestamp.from(e.at()));
    values.add(e.actor());
    return sql.queryOne(
        "with e as (insert into expenditure (year, budget_line_id, spent_on, amount, payee,"
            + " purpose, project_id, need_id, over_budget_reason, created_at, created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " returning id, budget_line_id, spent_on, amount),"
            + " t as ("
            + ADD_TO_TOTALS
            + " select budget_line_id, extract(month from spent_on)::int, amount, 0, 1 from e"
            + ON_CONFLICT_ADD
            + ") select id from e",
        values,
        rows -> rows.getLong(1));
  }

  /**
   * Books many expenditures (an import) in statements of {@value #CHUNK} rows, each adding them to
   * the running totals of their lines and months in the same statement; answers their ids in the
   * order given (ids are drawn in the order the rows are inserted).
   */
  public List<Long> insertExpenditures(List<NewExpenditure> all) {
    List<Long> ids = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<NewExpenditure> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<Long> booked =
          jdbc.prepareStatement(
              INSERT_MANY,
              statement -> {
                java.sql.Connection c = statement.getConnection();
                List<java.util.function.Function<NewExpenditure, Object>> columns =
                    List.of(
                        NewExpenditure::year,
                        NewExpenditure::budgetLineId,
                        NewExpenditure::date,
                        e -> e.amount().toPlainString(),
                        NewExpenditure::payee,
                        NewExpenditure::purpose,
                        NewExpenditure::projectId,
                        NewExpenditure::needId,
                        NewExpenditure::overBudgetReason,
                        NewExpenditure::at,
                        NewExpenditure::actor);
                for (int i = 0; i < columns.size(); i++) {
                  // as exact text (an Instant with its zone), cast by the statement
                  statement.setArray(i + 1, c.createArrayOf("text", column(chunk, columns.get(i))));
                }
                List<Long> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                  while (rows.next()) {
                    found.add(rows.getLong(1));
                  }
                }
                return found;
              });
      if (booked.size() != chunk.size()) {
        throw new IllegalStateException("booked " + booked.size() + " of " + chunk.size());
      }
      ids.addAll(booked.stream().sorted().toList());
    }
    return ids;
  }

  private static final int CHUNK = 1000;

  private static final String INSERT_MANY =
      "with v as (select * from unnest(?::text[]::int4[], ?::text[]::int8[], ?::text[]::date[],"
          + " ?::text[]::numeric[], ?::text[], ?::text[], ?::text[]::int8[], ?::text[]::int8[],"
          + " ?::text[], ?::text[]::timestamptz[], ?::text[])"
          + " with ordinality as v(year, line, spent_on, amount, payee, purpose, project_id,"
          + " need_id, reason, created_at, created_by, ord)),"
          + " e as (insert into expenditure (year, budget_line_id, spent_on, amount, payee,"
          + " purpose, project_id, need_id, over_budget_reason, created_at, created_by)"
          + " select year, line, spent_on, amount, payee, purpose, project_id, need_id, reason,"
          + " created_at, created_by from v order by ord"
          + " returning id, budget_line_id, spent_on, amount),"
          + " t as ("
          + "insert into budget_month_total (budget_line_id, month, spent, evidenced, expenditures)"
          + " select budget_line_id, extract(month from spent_on)::int, sum(amount), 0, count(*)"
          + " from e group by 1, 2"
          + " on conflict (budget_line_id, month) do update"
          + " set spent = budget_month_total.spent + excluded.spent,"
          + " expenditures = budget_month_total.expenditures + excluded.expenditures"
          + ") select id from e";

  private static String[] column(
      List<NewExpenditure> rows, java.util.function.Function<NewExpenditure, Object> value) {
    return rows.stream()
        .map(value)
        .map(v -> v == null ? null : v.toString())
        .toArray(String[]::new);
  }

  private static final String ADD_TO_TOTALS =
      "insert into budget_month_total (budget_line_id, month, spent, evidenced, expenditures)";

  private static final String ON_CONFLICT_ADD =
      " on conflict (budget_line_id, month) do update"
          + " set spent = budget_month_total.spent + excluded.spent,"
          + " evidenced = budget_month_total.evidenced + excluded.evidenced,"
          + " expenditures = budget_month_total.expenditures + excluded.expenditures";

  public Optional<Expenditure> findExpenditure(long id, boolean lock) {
    if (lock
        && sql.query("select id from expenditure where id = ? for update", List.of(id), r -> 1)
            .isEmpty()) {
      return Optional.empty();
    }
    return sql
        .query(EXPENDITURE + " where e.id = ?", List.of(id), BudgetStore::expenditure)
        .stream()
        .findFirst();
  }

  public ExpenditurePage listExpenditures(
      ExpenditureQuery filter, String orderBy, int offset, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> arguments = new ArrayList<>();
    if (filter.year() != null) {
      where.append(" and e.year = ?");
      arguments.add(filter.year());
    }
    if (filter.category() != null && !filter.category().isBlank()) {
      where.append(" and lower(c.name) = lower(?)");
      arguments.add(filter.category().trim());
    }
    if (filter.projectId() != null) {
      where.append(" and e.project_id = ?");
      arguments.add(filter.projectId());
    }
    if (filter.evidenced() != null) {
      where.append(" and e.evidenced = ?");
      arguments.add(filter.evidenced());
    }
    long total =
        sql.queryOne(
            "select count(*) from expenditure e join budget_line l on l.id = e.budget_line_id"
                + " join budget_category c on c.id = l.category_id"
                + where,
            arguments,
            rows -> rows.getLong(1));
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(limit);
    paged.add(offset);
    // orderBy comes from orderBy(), built of SORTABLE's columns only
    List<Expenditure> items =
        sql.query(
            EXPENDITURE + where + " order by " + orderBy + " limit ? offset ?",
            paged,
            BudgetStore::expenditure);
    return new ExpenditurePage(items, total);
  }

  /** Spent and evidenced in each month of the year that has spending (the running totals). */
  public List<MonthActual> months(int year) {
    return sql.query(
        "select t.month, sum(t.spent), sum(t.evidenced) from budget_month_total t"
            + " join budget_line l on l.id = t.budget_line_id where l.year = ?"
            + " group by 1 order by 1",
        List.of(year),
        rows ->
            new MonthActual(
                rows.getInt(1),
                money(rows.getBigDecimal(2)),
                money(rows.getBigDecimal(3)),
                BigDecimal.ZERO));
  }

  /**
   * Marks the expenditure evidenced and, the first time only, adds its amount to the evidenced
   * total of its line and month, in one statement.
   */
  public void markEvidenced(long expenditureId) {
    sql.update(
        "with e as (update expenditure set evidenced = true where id = ? and not evidenced"
            + " returning budget_line_id, spent_on, amount)"
            + " update budget_month_total t set evidenced = t.evidenced + e.amount from e"
            + " where t.budget_line_id = e.budget_line_id"
            + " and t.month = extract(month from e.spent_on)",
        List.of(expenditureId));
  }

  public Attachment insertVoucher(
      long expenditureId,
      String fileName,
      String contentType,
      long size,
      String storageKey,
      Instant at,
      String actor) {
    long id =
        sql.queryOne(
            "insert into expenditure_voucher (expenditure_id, file_name, content_type, size_bytes,"
                + " storage_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)"
                + " returning id",
            List.of(
                expenditureId, fileName, contentType, size, storageKey, Timestamp.from(at), actor),
            rows -> rows.getLong(1));
    return new Attachment(id, fileName, contentType, size, at, actor, null);
  }

  public List<Attachment> vouchers(long expenditureId) {
    return sql
        .query(
            "select id, file_name, content_type, size_bytes, created_at, created_by, storage_key"
                + " from expenditure_voucher where expenditure_id = ? order by id",
            List.of(expenditureId),
            BudgetStore::voucher)
        .stream()
        .map(VoucherRow::attachment)
        .toList();
  }

  public Optional<VoucherRow> voucher(long expenditureId, long voucherId) {
    return sql
        .query(
            "select id, file_name, content_type, size_bytes, created_at, created_by, storage_key"
                + " from expenditure_voucher where expenditure_id = ? and id = ?",
            List.of(expenditureId, voucherId),
            BudgetStore::voucher)
        .stream()
        .findFirst();
  }

  private static VoucherRow voucher(ResultSet rows) throws SQLException {
    return new VoucherRow(
        new Attachment(
            rows.getLong(1),
            rows.getString(2),
            rows.getString(3),
            rows.getLong(4),
            rows.getTimestamp(5).toInstant(),
            rows.getString(6),
            null),
        rows.getString(7));
  }

  private static LineRow lineRow(ResultSet rows) throws SQLException {
    return new LineRow(
        rows.getLong(1), rows.getLong(2), rows.getString(3), money(rows.getBigDecimal(4)));
  }

  private static Expenditure expenditure(ResultSet rows) throws SQLException {
    return new Expenditure(
        rows.getLong("id"),
        rows.getInt("year"),
        rows.getObject("spent_on", LocalDate.class),
        money(rows.getBigDecimal("amount")),
        rows.getLong("budget_line_id"),
        rows.getString("category"),
        rows.getString("payee"),
        rows.getString("purpose"),
        rows.getObject("project_id", Long.class),
        rows.getString("project_name"),
        rows.getObject("need_id", Long.class),
        rows.getString("need_title"),
        rows.getString("over_budget_reason"),
        rows.getBoolean("evidenced"),
        rows.getInt("vouchers"),
        rows.getTimestamp("created_at").toInstant(),
        rows.getString("created_by"),
        List.of());
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2);
  }
}
