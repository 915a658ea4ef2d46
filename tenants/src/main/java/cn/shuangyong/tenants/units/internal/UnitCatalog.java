package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.units.api.UnitContact;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongBiFunction;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The rules both kinds of unit share, for one kind: who reads and writes, unique names, audit
 * fields, and no delete while accounts or records (needs, later projects) refer to the unit.
 *
 * @param <R> the row
 * @param <U> what the API answers
 * @param <F> the form a city admin fills in
 */
public final class UnitCatalog<R, U, F> {
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final Map<String, String> KNOWN_REFERRERS = Map.of("need", "unit.in-use.need");

  /** What differs between the kinds: their rows, names and how a row is built and answered. */
  public interface Kind<R, U, F> {
    UnitRows<R> rows();

    String nameOf(F form);

    /** A new row ({@code old} null) or the changed one, from the form. */
    R build(F form, R old, boolean sample, Instant at, String actor);

    /** What the API answers: the contact phone masked. */
    U toApi(R row);

    /** The contact person in plain, for an unmasking. */
    UnitContact contact(R row);

    long idOf(R row);

    String auditName();

    /** Refuses a form that breaks a rule of this kind (422); inside the change's transaction. */
    default void check(F form) {}
  }

  private final Kind<R, U, F> kind;
  private final TenantScope scope;
  private final TenantAudit audit;
  private final Clock clock;
  private final ToLongBiFunction<String, Long> boundAccounts;

  public UnitCatalog(
      Kind<R, U, F> kind,
      TenantScope scope,
      TenantAudit audit,
      Clock clock,
      ToLongBiFunction<String, Long> boundAccounts) {
    this.kind = kind;
    this.scope = scope;
    this.audit = audit;
    this.clock = clock;
    this.boundAccounts = boundAccounts;
  }

  public Page<U> list(TenantContext tenant, String query, Pageable pageable) {
    return scope
        .read(tenant, () -> kind.rows().search(normalise(query), sorted(pageable)))
        .map(kind::toApi);
  }

  public U find(TenantContext tenant, long id) {
    return scope
        .read(tenant, () -> kind.rows().findById(id))
        .map(kind::toApi)
        .orElseThrow(ProblemException::notFound);
  }

  /** The unit's contact person in plain (the caller's permission is the service's to check). */
  public UnitContact contact(TenantContext tenant, long id) {
    return scope
        .read(tenant, () -> kind.rows().findById(id))
        .map(kind::contact)
        .orElseThrow(ProblemException::notFound);
  }

  public U create(TenantContext tenant, F form) {
    requireAdmin(tenant.caller());
    return create(tenant, form, false);
  }

  /** Also for bootstrap work (demo data): {@code sample} marks the unit as an example. */
  public U create(TenantContext tenant, F form, boolean sample) {
    String actor = tenant.caller().username();
    R created =
        scope.write(
            tenant,
            () -> {
              if (kind.rows().nameTaken(kind.nameOf(form).trim(), -1)) {
                throw new ValidationException("name", "unit.name.taken");
              }
              kind.check(form);
              R saved = kind.rows().save(kind.build(form, null, sample, clock.instant(), actor));
              record(tenant, "CREATE", kind.idOf(saved), null, saved);
              return saved;
            });
    return kind.toApi(created);
  }

  public U update(TenantContext tenant, long id, F form) {
    requireAdmin(tenant.caller());
    String actor = tenant.caller().username();
    R updated =
        scope.write(
            tenant,
            () -> {
              R old = kind.rows().findById(id).orElseThrow(ProblemException::notFound);
              if (kind.rows().nameTaken(kind.nameOf(form).trim(), id)) {
                throw new ValidationException("name", "unit.name.taken");
              }
              kind.check(form);
              R changed = kind.rows().update(kind.build(form, old, false, clock.instant(), actor));
              record(tenant, "UPDATE", id, old, changed);
              return changed;
            });
    return kind.toApi(updated);
  }

  /** 409 naming what still refers to the unit: bound accounts, or rows of another table. */
  public void delete(TenantContext tenant, long id) {
    requireAdmin(tenant.caller());
    R existing =
        scope.read(tenant, () -> kind.rows().findById(id)).orElseThrow(ProblemException::notFound);
    long accounts = boundAccounts.applyAsLong(tenant.code().value(), id);
    if (accounts > 0) {
      throw ProblemException.conflict("unit.in-use.accounts", accounts);
    }
    try {
      scope.write(
          tenant,
          () -> {
            kind.rows().deleteById(id);
            record(tenant, "DELETE", id, existing, null);
            return null;
          });
    } catch (DataAccessException e) {
      throw referringTable(e)
          .map(
              table ->
                  ProblemException.conflict(KNOWN_REFERRERS.getOrDefault(table, "unit.in-use")))
          .orElseThrow(() -> e);
    }
  }

  public long count(TenantContext tenant) {
    return scope.read(tenant, () -> kind.rows().count());
  }

  private static Optional<String> referringTable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
        // the server names the referring table in a field of its own, whatever its message language
        ServerErrorMessage server =
            sql instanceof PSQLException postgres ? postgres.getServerErrorMessage() : null;
        return Optional.of(server == null || server.getTable() == null ? "" : server.getTable());
      }
    }
    return Optional.empty();
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.has(Role.CITY_ADMIN)) {
      throw ProblemException.forbidden();
    }
  }

  /**
   * Inside the change's transaction: the entry commits with the change or not at all, with the unit
   * as the API shows it before and after (its contact's phone masked by the audit).
   */
  private void record(TenantContext tenant, String verb, Object subject, R before, R after) {
    audit.record(
        tenant,
        kind.auditName() + "_" + verb,
        String.valueOf(subject),
        before == null ? null : kind.toApi(before),
        after == null ? null : kind.toApi(after));
  }

  private static Pageable sorted(Pageable pageable) {
    return pageable.isSorted()
        ? pageable
        : Pageable.from(pageable.getNumber(), pageable.getSize(), Sort.of(Sort.Order.asc("name")));
  }

  private static String normalise(String query) {
    return query == null ? "" : query.trim();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
