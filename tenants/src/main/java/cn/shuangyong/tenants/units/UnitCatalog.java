package cn.shuangyong.tenants.units;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantDirectory.Access;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import java.time.Clock;
import java.time.Instant;
import java.util.function.ToLongBiFunction;

/**
 * The rules both kinds of unit share, for one kind: who reads and writes, unique names, audit
 * fields, and no delete while accounts are bound to the unit.
 *
 * @param <E> the unit entity
 * @param <F> the form a city admin fills in
 */
final class UnitCatalog<E, F> {
  /** What differs between the kinds: storage, names and how an entity is built. */
  interface Kind<E, F> {
    Page<E> search(String query, Pageable pageable);

    java.util.Optional<E> findById(long id);

    boolean nameTaken(String name, long exceptId);

    E save(E entity);

    E update(E entity);

    void deleteById(long id);

    long count();

    String nameOf(F form);

    /** A new entity ({@code old} null) or the changed one, from the form. */
    E build(F form, E old, boolean sample, Instant at, String actor);

    Long idOf(E entity);

    String auditName();
  }

  private final Kind<E, F> kind;
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final AuditLog audit;
  private final Clock clock;
  private final ToLongBiFunction<String, Long> boundAccounts;

  UnitCatalog(
      Kind<E, F> kind,
      TenantDirectory tenants,
      TenantScope scope,
      AuditLog audit,
      Clock clock,
      ToLongBiFunction<String, Long> boundAccounts) {
    this.kind = kind;
    this.tenants = tenants;
    this.scope = scope;
    this.audit = audit;
    this.clock = clock;
    this.boundAccounts = boundAccounts;
  }

  Page<E> list(CurrentUser user, String tenant, String query, Pageable pageable) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope.read(context, c -> kind.search(normalise(query), sorted(pageable)));
  }

  E find(CurrentUser user, String tenant, long id) {
    TenantContext context = tenants.enter(user, tenant, Access.READ);
    return scope.read(context, c -> kind.findById(id)).orElseThrow(ProblemException::notFound);
  }

  E create(CurrentUser user, String tenant, F form) {
    TenantContext context = enterForWrite(user, tenant);
    E created = create(context, form, false, user.username());
    record(user, context, "CREATE", kind.idOf(created));
    return created;
  }

  E create(TenantContext context, F form, boolean sample, String actor) {
    return scope.write(
        context,
        c -> {
          if (kind.nameTaken(kind.nameOf(form).trim(), -1)) {
            throw new ValidationException("name", "unit.name.taken");
          }
          return kind.save(kind.build(form, null, sample, clock.instant(), actor));
        });
  }

  E update(CurrentUser user, String tenant, long id, F form) {
    TenantContext context = enterForWrite(user, tenant);
    E updated =
        scope.write(
            context,
            c -> {
              E old = kind.findById(id).orElseThrow(ProblemException::notFound);
              if (kind.nameTaken(kind.nameOf(form).trim(), id)) {
                throw new ValidationException("name", "unit.name.taken");
              }
              return kind.update(kind.build(form, old, false, clock.instant(), user.username()));
            });
    record(user, context, "UPDATE", id);
    return updated;
  }

  void delete(CurrentUser user, String tenant, long id) {
    TenantContext context = enterForWrite(user, tenant);
    scope.read(context, c -> kind.findById(id)).orElseThrow(ProblemException::notFound);
    long accounts = boundAccounts.applyAsLong(context.code().value(), id);
    if (accounts > 0) {
      throw ProblemException.conflict("unit.in-use.accounts", accounts);
    }
    scope.write(
        context,
        c -> {
          kind.deleteById(id);
          return null;
        });
    record(user, context, "DELETE", id);
  }

  long count(TenantContext context) {
    return scope.read(context, c -> kind.count());
  }

  private TenantContext enterForWrite(CurrentUser user, String tenant) {
    TenantContext context = tenants.enter(user, tenant, Access.WRITE);
    if (!user.has(Role.CITY_ADMIN)) {
      throw ProblemException.forbidden();
    }
    return context;
  }

  private void record(CurrentUser user, TenantContext context, String verb, Long id) {
    audit.record(
        new AuditLog.Entry(
            user.username(),
            context.code().value(),
            kind.auditName() + "_" + verb,
            String.valueOf(id),
            "SUCCESS",
            null,
            null));
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
