package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who reads which part of the audit trail, for the API and the audit view alike: the platform admin
 * all of it, a supervisor its region's tenants, a city admin its own tenant; anyone else is refused
 * (403). The filters are checked here once: a result other than SUCCESS, FAILURE or DENIED, a time
 * outside {@link PlausibleDates}' window and a page beyond the {@code int} offset are 400s, a
 * {@code from} after {@code to} is a 422, so no filter reaches the database as a 500.
 */
@Singleton
public class AuditAccess {
  public static final Set<String> RESULTS = Set.of("SUCCESS", "FAILURE", "DENIED");
  public static final Set<String> SORTABLE = Set.of("at", "id");
  private static final Instant FIRST =
      PlausibleDates.FIRST.atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant END =
      PlausibleDates.LAST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

  private final AuditLog audit;
  private final AuditSheet sheet;
  private final TenantDirectory tenants;

  AuditAccess(AuditLog audit, AuditSheet sheet, TenantDirectory tenants) {
    this.audit = audit;
    this.sheet = sheet;
    this.tenants = tenants;
  }

  /** The filters of a search; a null one does not filter; {@code to} is exclusive. */
  public record Filters(
      @Nullable String tenant,
      @Nullable String user,
      @Nullable String action,
      @Nullable String result,
      @Nullable Instant from,
      @Nullable Instant to) {

    public static Filters none() {
      return new Filters(null, null, null, null, null, null);
    }
  }

  /** Whether the caller may read any of the trail (what the audit view's menu asks). */
  public boolean mayRead(CurrentUser caller) {
    return caller.has(Role.PLATFORM_ADMIN)
        || caller.has(Role.SUPERVISOR)
        || (caller.has(Role.CITY_ADMIN) && caller.tenant() != null);
  }

  /** The tenants whose events the caller reads, by code (the platform admin: every tenant). */
  public List<Tenant> tenants(CurrentUser caller) {
    requireReader(caller);
    return tenants.visibleTo(caller);
  }

  /**
   * A page of the caller's events matching the filters, newest first unless {@code sort} ({@code
   * at} or {@code id}, then {@code ,asc} or {@code ,desc}) says otherwise.
   */
  public AuditLog.Page search(
      CurrentUser caller, Filters filters, int page, int size, @Nullable String sort) {
    Pageable pageable = PageParameters.of(page, size, sort, SORTABLE);
    AuditLog.Query query = query(caller, filters);
    return audit.search(query, page, size, ascending(pageable));
  }

  /**
   * The caller's events matching the filters as a workbook (at most 10,000, newest first); the
   * export itself is recorded (AUDIT_EXPORT, {@code target} what was asked, from {@code ip}).
   */
  public AuditSheet.Workbook export(
      CurrentUser caller,
      Filters filters,
      Locale locale,
      @Nullable String ip,
      @Nullable String target) {
    AuditSheet.Workbook workbook = sheet.workbook(query(caller, filters), locale);
    audit.record(
        new AuditLog.Entry(
            caller.username(),
            caller.tenant(),
            "AUDIT_EXPORT",
            target,
            "SUCCESS",
            ip,
            workbook.rows() + " events"));
    return workbook;
  }

  /** The caller's scope with the filters, checked; 403 for a caller who may not read the trail. */
  public AuditLog.Query query(CurrentUser caller, Filters filters) {
    requireReader(caller);
    check(filters);
    List<String> scope;
    if (caller.has(Role.PLATFORM_ADMIN)) {
      scope = null;
    } else if (caller.has(Role.SUPERVISOR)) {
      scope = tenants.visibleTo(caller).stream().map(Tenant::code).toList();
    } else {
      scope = List.of(caller.tenant());
    }
    return new AuditLog.Query(
        scope,
        blankToNull(filters.tenant()),
        blankToNull(filters.user()),
        blankToNull(filters.action()),
        filters.from(),
        filters.to(),
        blankToNull(filters.result()));
  }

  private void requireReader(CurrentUser caller) {
    if (!mayRead(caller)) {
      throw ProblemException.forbidden();
    }
  }

  private static void check(Filters filters) {
    String result = blankToNull(filters.result());
    if (result != null && !RESULTS.contains(result)) {
      throw ValidationException.malformed(
          "result", "audit.filter.result", "SUCCESS, FAILURE, DENIED");
    }
    plausible("from", filters.from());
    plausible("to", filters.to());
    if (filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())) {
      throw new ValidationException("from", "audit.filter.from-after-to");
    }
  }

  private static void plausible(String field, @Nullable Instant at) {
    if (at != null && (at.isBefore(FIRST) || !at.isBefore(END))) {
      throw ValidationException.malformed(
          field, "validation.date-range", PlausibleDates.FIRST, PlausibleDates.LAST);
    }
  }

  /** Null for newest first; else the order the sort asks. */
  private static @Nullable AuditLog.Order ascending(Pageable pageable) {
    if (!pageable.isSorted()) {
      return null;
    }
    Sort.Order order = pageable.getSort().getOrderBy().get(0);
    return new AuditLog.Order(order.getProperty(), order.isAscending());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
