package cn.shuangyong.tenants.fund.internal;

import cn.shuangyong.platform.database.Statements;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.fund.api.Fund;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantCaps;
import cn.shuangyong.tenants.fund.api.GrantEvent;
import cn.shuangyong.tenants.fund.api.GrantPage;
import cn.shuangyong.tenants.fund.api.GrantPersonalData;
import cn.shuangyong.tenants.fund.api.GrantQuery;
import cn.shuangyong.tenants.fund.api.Inflow;
import cn.shuangyong.tenants.fund.api.InflowPage;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fund, its inflows and the grants of the tenant whose TenantScope transaction is running, in
 * plain parameterised SQL. Sums are taken by the database over {@code numeric}, exact to the fen.
 * The fund's one row is the lock every movement of money takes ({@link #lockFund}). Grants come out
 * with the ID number and phone masked ({@link ApplicantIdentity}).
 */
@Singleton
public class FundStore {
  /** The grants list's sort fields and their columns. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "id", "g.id",
          "createdAt", "g.created_at",
          "year", "g.year",
          "applicantName", "g.applicant_name",
          "status", "g.status",
          "requestedAmount", "g.requested_amount",
          "approvedAmount", "g.approved_amount",
          "paidOn", "g.paid_on");

  private static final String GRANT =
      """
      select g.*, (select count(*) from grant_attachment a where a.grant_id = g.id) as files
      from assistance_grant g
      """;

  /** A new application as stored (ID number and phone encrypted already). */
  public record NewGrant(
      int year,
      String applicantName,
      ApplicantType applicantType,
      String idNumber,
      String idDigest,
      String phone,
      int householdSize,
      BigDecimal income12Months,
      String reason,
      BigDecimal requestedAmount,
      boolean special,
      @Nullable String specialReason,
      boolean urgent,
      @Nullable String urgentReason,
      Instant at,
      String actor) {}

  /** A payment as stored. */
  public record Payment(BigDecimal amount, LocalDate paidOn, String reference, boolean paidFirst) {}

  /** A kept paper with where its bytes are. */
  public record AttachmentRow(Attachment attachment, String storageKey) {}

  private final Statements sql;
  private final ApplicantIdentity identity;

  FundStore(
      @Named(TenantDataSourceFactory.TENANT_DATA_SOURCE) JdbcOperations jdbc,
      ApplicantIdentity identity) {
    this.sql = new Statements(jdbc);
    this.identity = identity;
  }

  /** The order of the grants list by a {@link #SORTABLE} field (newest first when null). */
  public static String orderBy(@Nullable String property, boolean ascending) {
    String column = property == null ? null : SORTABLE.get(property);
    if (column == null) {
      return "g.created_at desc, g.id desc";
    }
    return column + (ascending ? " asc nulls first" : " desc nulls last") + ", g.id desc";
  }

  // ---- the fund

  /** The caps, the fund's row locked until the transaction ends (every movement of money). */
  public GrantCaps lockFund() {
    return sql.queryOne(
        "select min_amount, max_amount, special_max_amount from assistance_fund where id = 1"
            + " for update",
        List.of(),
        FundStore::caps);
  }

  public GrantCaps caps() {
    return sql.queryOne(
        "select min_amount, max_amount, special_max_amount from assistance_fund where id = 1",
        List.of(),
        FundStore::caps);
  }

  public void setCaps(GrantCaps caps, Instant at, String actor) {
    sql.update(
        "update assistance_fund set min_amount = ?, max_amount = ?, special_max_amount = ?,"
            + " updated_at = ?, updated_by = ?, version = version + 1 where id = 1",
        List.of(
            caps.minAmount(),
            caps.maxAmount(),
            caps.specialMaxAmount(),
            Timestamp.from(at),
            actor));
  }

  /** Inflows, paid grants and the balance (inflows − paid), with the caps. */
  public Fund fund() {
    GrantCaps caps = caps();
    return sql.queryOne(
        """
        select i.total, i.fiscal, i.donated, p.paid, p.count
        from (select coalesce(sum(amount), 0) as total,
                     coalesce(sum(amount) filter (where source = 'FISCAL'), 0) as fiscal,
                     coalesce(sum(amount) filter (where source = 'DONATION'), 0) as donated
              from fund_inflow) i,
             (select coalesce(sum(paid_amount), 0) as paid, count(*) as count
              from assistance_grant where status = 'PAID') p
        """,
        List.of(),
        rows -> {
          BigDecimal inflows = money(rows.getBigDecimal(1));
          BigDecimal paid = money(rows.getBigDecimal(4));
          return new Fund(
              inflows,
              paid,
              inflows.subtract(paid),
              money(rows.getBigDecimal(2)),
              money(rows.getBigDecimal(3)),
              rows.getLong(5),
              caps);
        });
  }

  public long insertInflow(
      LocalDate date,
      BigDecimal amount,
      InflowSource source,
      @Nullable String donor,
      @Nullable String note,
      Instant at,
      String actor) {
    return sql.queryOne(
        "insert into fund_inflow (year, received_on, amount, source, donor, note, created_at,"
            + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
        Arrays.asList(
            date.getYear(), date, amount, source.name(), donor, note, Timestamp.from(at), actor),
        rows -> rows.getLong(1));
  }

  public Optional<Inflow> inflow(long id) {
    return sql
        .query("select * from fund_inflow where id = ?", List.of(id), FundStore::inflow)
        .stream()
        .findFirst();
  }

  public InflowPage inflows(@Nullable Integer year, int offset, int limit) {
    String where = year == null ? "" : " where year = ?";
    List<Object> arguments = year == null ? List.of() : List.of(year);
    long total =
        sql.queryOne(
            "select count(*) from fund_inflow" + where, arguments, rows -> rows.getLong(1));
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(limit);
    paged.add(offset);
    return new InflowPage(
        sql.query(
            "select * from fund_inflow"
                + where
                + " order by received_on desc, id desc limit ? offset ?",
            paged,
            FundStore::inflow),
        total);
  }

  // ---- grants

  public long insertGrant(NewGrant g) {
    return sql.queryOne(
        "insert into assistance_grant (year, applicant_name, applicant_type, id_number, id_digest,"
            + " phone, household_size, income_12_months, reason, requested_amount, special,"
            + " special_reason, urgent, urgent_reason, status, created_at, created_by, updated_at,"
            + " updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?,"
            + " ?, ?) returning id",
        Arrays.asList(
            g.year(),
            g.applicantName(),
            g.applicantType().name(),
            g.idNumber(),
            g.idDigest(),
            g.phone(),
            g.householdSize(),
            g.income12Months(),
            g.reason(),
            g.requestedAmount(),
            g.special(),
            g.specialReason(),
            g.urgent(),
            g.urgentReason(),
            Timestamp.from(g.at()),
            g.actor(),
            Timestamp.from(g.at()),
            g.actor()),
        rows -> rows.getLong(1));
  }

  /** One grant, masked, locked until the transaction ends when {@code lock}. */
  public Optional<Grant> grant(long id, boolean lock) {
    if (lock
        && sql.query("select id from assistance_grant where id = ? for update", List.of(id), r -> 1)
            .isEmpty()) {
      return Optional.empty();
    }
    return sql.query(GRANT + " where g.id = ?", List.of(id), this::grant).stream().findFirst();
  }

  /** The household digest of a grant (the lookup key of its ID number). */
  public String householdOf(long id) {
    return sql.queryOne(
        "select id_digest from assistance_grant where id = ?", List.of(id), r -> r.getString(1));
  }

  /** The applicant of a grant in plain (for the audited unmasking only). */
  public Optional<GrantPersonalData> personalData(long id) {
    return sql
        .query(
            "select applicant_name, id_number, phone from assistance_grant where id = ?",
            List.of(id),
            rows ->
                new GrantPersonalData(
                    rows.getString(1),
                    identity.plain(rows.getString(2)),
                    identity.plain(rows.getString(3))))
        .stream()
        .findFirst();
  }

  public GrantPage grants(GrantListFilter filter, String orderBy, int offset, int limit) {
    long total =
        sql.queryOne(
            "select count(*) from assistance_grant g" + filter.where(),
            filter.arguments(),
            rows -> rows.getLong(1));
    List<Object> paged = new ArrayList<>(filter.arguments());
    paged.add(limit);
    paged.add(offset);
    // orderBy comes from orderBy(), built of SORTABLE's columns only
    List<Grant> items =
        sql.query(
            GRANT + filter.where() + " order by " + orderBy + " limit ? offset ?",
            paged,
            this::grant);
    return new GrantPage(items, total);
  }

  /** The filter of the grants list (what {@link GrantListFilter} builds from a query). */
  public GrantListFilter filter(GrantQuery query) {
    return GrantListFilter.of(query, identity);
  }

  /** The filter of an inbox: the statuses given, urgent submitted ones, those paid first. */
  public GrantListFilter inbox(
      java.util.Set<Status> statuses, boolean urgentSubmitted, boolean paperwork) {
    return GrantListFilter.inbox(statuses, urgentSubmitted, paperwork);
  }

  /**
   * What counts against the household's cap of {@code year}: its approved and paid grants (the
   * amount paid, else the amount approved), {@code except} one grant (the one being decided).
   */
  public BigDecimal counted(String household, int year, long except) {
    return money(
        sql.queryOne(
            "select coalesce(sum(coalesce(paid_amount, approved_amount)), 0) from assistance_grant"
                + " where id_digest = ? and year = ? and status in ('APPROVED', 'PAID')"
                + " and id <> ?",
            List.of(household, year, except),
            rows -> rows.getBigDecimal(1)));
  }

  /** The household's other grants, newest first (the applicant's file). */
  public List<Grant.HouseholdGrant> household(String household, long except) {
    return sql.query(
        "select id, year, status, requested_amount, coalesce(paid_amount, approved_amount)"
            + " from assistance_grant where id_digest = ? and id <> ? order by id desc limit 50",
        List.of(household, except),
        rows -> {
          BigDecimal amount = rows.getBigDecimal(5);
          return new Grant.HouseholdGrant(
              rows.getLong(1),
              rows.getInt(2),
              Status.valueOf(rows.getString(3)),
              money(rows.getBigDecimal(4)),
              amount == null ? null : money(amount));
        });
  }

  public void reviewed(long id, Status next, String note, Instant at, String actor) {
    sql.update(
        "update assistance_grant set status = ?, review_note = ?, reject_reason = ?,"
            + " updated_at = ?, updated_by = ?, version = version + 1 where id = ?",
        Arrays.asList(
            next.name(),
            note,
            next == Status.REJECTED ? note : null,
            Timestamp.from(at),
            actor,
            id));
  }

  public void approved(long id, BigDecimal amount, Instant at, String actor) {
    sql.update(
        "update assistance_grant set status = 'APPROVED', approved_amount = ?, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        List.of(amount, Timestamp.from(at), actor, id));
  }

  public void rejected(long id, String reason, Instant at, String actor) {
    sql.update(
        "update assistance_grant set status = 'REJECTED', reject_reason = ?, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        List.of(reason, Timestamp.from(at), actor, id));
  }

  public void paid(long id, Payment payment, Instant at, String actor) {
    sql.update(
        "update assistance_grant set status = 'PAID', paid_amount = ?, paid_on = ?,"
            + " paid_reference = ?, paid_first = ?, paperwork_pending = ?, updated_at = ?,"
            + " updated_by = ?, version = version + 1 where id = ?",
        List.of(
            payment.amount(),
            payment.paidOn(),
            payment.reference(),
            payment.paidFirst(),
            payment.paidFirst(),
            Timestamp.from(at),
            actor,
            id));
  }

  public void paperworkCompleted(long id, Instant at, String actor) {
    sql.update(
        "update assistance_grant set paperwork_pending = false, updated_at = ?, updated_by = ?,"
            + " version = version + 1 where id = ?",
        List.of(Timestamp.from(at), actor, id));
  }

  public void touch(long id, Instant at, String actor) {
    sql.update(
        "update assistance_grant set updated_at = ?, updated_by = ?, version = version + 1"
            + " where id = ?",
        List.of(Timestamp.from(at), actor, id));
  }

  public void addEvent(long grantId, GrantEvent event) {
    sql.update(
        "insert into grant_event (grant_id, at, actor, action, from_status, to_status, note,"
            + " amount) values (?, ?, ?, ?, ?, ?, ?, ?)",
        Arrays.asList(
            grantId,
            Timestamp.from(event.at()),
            event.actor(),
            event.action().name(),
            event.from() == null ? null : event.from().name(),
            event.to().name(),
            event.note(),
            event.amount()));
  }

  public List<GrantEvent> history(long grantId) {
    return sql.query(
        "select at, actor, action, from_status, to_status, note, amount from grant_event"
            + " where grant_id = ? order by id",
        List.of(grantId),
        rows -> {
          String from = rows.getString(4);
          BigDecimal amount = rows.getBigDecimal(7);
          return new GrantEvent(
              rows.getTimestamp(1).toInstant(),
              rows.getString(2),
              Action.valueOf(rows.getString(3)),
              from == null ? null : Status.valueOf(from),
              Status.valueOf(rows.getString(5)),
              rows.getString(6),
              amount == null ? null : money(amount),
              null);
        });
  }

  /** How many grants were paid in a year, and how much. */
  public record PaidInYear(long count, BigDecimal amount) {}

  /** Grants paid in {@code year} (by the day paid): how many and how much. */
  public PaidInYear paidIn(int year) {
    return sql.queryOne(
        "select count(*), coalesce(sum(paid_amount), 0) from assistance_grant"
            + " where status = 'PAID' and paid_on >= ? and paid_on < ?",
        List.of(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)),
        rows -> new PaidInYear(rows.getLong(1), money(rows.getBigDecimal(2))));
  }

  // ---- papers

  public Attachment insertAttachment(
      long grantId,
      String fileName,
      String contentType,
      long size,
      String storageKey,
      Instant at,
      String actor) {
    long id =
        sql.queryOne(
            "insert into grant_attachment (grant_id, file_name, content_type, size_bytes,"
                + " storage_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)"
                + " returning id",
            List.of(grantId, fileName, contentType, size, storageKey, Timestamp.from(at), actor),
            rows -> rows.getLong(1));
    return new Attachment(id, fileName, contentType, size, at, actor, null);
  }

  public List<Attachment> attachments(long grantId) {
    return sql
        .query(
            "select id, file_name, content_type, size_bytes, created_at, created_by, storage_key"
                + " from grant_attachment where grant_id = ? order by id",
            List.of(grantId),
            FundStore::attachment)
        .stream()
        .map(AttachmentRow::attachment)
        .toList();
  }

  public Optional<AttachmentRow> attachment(long grantId, long attachmentId) {
    return sql
        .query(
            "select id, file_name, content_type, size_bytes, created_at, created_by, storage_key"
                + " from grant_attachment where grant_id = ? and id = ?",
            List.of(grantId, attachmentId),
            FundStore::attachment)
        .stream()
        .findFirst();
  }

  // ---- rows

  private Grant grant(ResultSet rows) throws SQLException {
    BigDecimal approved = rows.getBigDecimal("approved_amount");
    BigDecimal paid = rows.getBigDecimal("paid_amount");
    return new Grant(
        rows.getLong("id"),
        rows.getInt("year"),
        rows.getString("applicant_name"),
        ApplicantType.valueOf(rows.getString("applicant_type")),
        identity.maskedIdNumber(rows.getString("id_number")),
        identity.maskedPhone(rows.getString("phone")),
        rows.getInt("household_size"),
        money(rows.getBigDecimal("income_12_months")),
        rows.getString("reason"),
        money(rows.getBigDecimal("requested_amount")),
        rows.getBoolean("special"),
        rows.getString("special_reason"),
        rows.getBoolean("urgent"),
        rows.getString("urgent_reason"),
        Status.valueOf(rows.getString("status")),
        rows.getString("review_note"),
        approved == null ? null : money(approved),
        rows.getString("reject_reason"),
        paid == null ? null : money(paid),
        rows.getObject("paid_on", LocalDate.class),
        rows.getString("paid_reference"),
        rows.getBoolean("paid_first"),
        rows.getBoolean("paperwork_pending"),
        rows.getInt("files"),
        rows.getTimestamp("created_at").toInstant(),
        rows.getString("created_by"),
        rows.getTimestamp("updated_at").toInstant(),
        null,
        null,
        null);
  }

  private static Inflow inflow(ResultSet rows) throws SQLException {
    return new Inflow(
        rows.getLong("id"),
        rows.getInt("year"),
        rows.getObject("received_on", LocalDate.class),
        money(rows.getBigDecimal("amount")),
        InflowSource.valueOf(rows.getString("source")),
        rows.getString("donor"),
        rows.getString("note"),
        rows.getTimestamp("created_at").toInstant(),
        rows.getString("created_by"));
  }

  private static GrantCaps caps(ResultSet rows) throws SQLException {
    return new GrantCaps(
        money(rows.getBigDecimal(1)), money(rows.getBigDecimal(2)), money(rows.getBigDecimal(3)));
  }

  private static AttachmentRow attachment(ResultSet rows) throws SQLException {
    return new AttachmentRow(
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

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2);
  }
}
