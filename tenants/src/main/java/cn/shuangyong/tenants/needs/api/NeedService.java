package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.NeedNotices;
import cn.shuangyong.tenants.needs.internal.NeedStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 双清单 workflow of one tenant: submit, accept or reject, report progress, complete, confirm with
 * satisfaction (销号), supervise (督办); lists and details restricted to what the caller may see. A
 * wrong status is 409 naming the status, a wrong role 403, another unit's need 404.
 */
@Singleton
public class NeedService {
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final NeedStore store;
  private final NeedNotices notices;
  private final AuditLog audit;
  private final TenantEvents events;
  private final Clock clock;

  NeedService(
      TenantDirectory tenants,
      TenantScope scope,
      NeedStore store,
      NeedNotices notices,
      AuditLog audit,
      TenantEvents events,
      Clock clock) {
    this.tenants = tenants;
    this.scope = scope;
    this.store = store;
    this.notices = notices;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public Need submit(TenantContext context, @Valid NeedCommands.Submit command) {
    CurrentUser user = context.caller();
    boolean liaison = user.has(Role.GARRISON_LIAISON);
    if (!liaison && !user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      throw ProblemException.forbidden();
    }
    if (liaison && command.direction() != Direction.FOR_TROOPS) {
      throw new ValidationException("direction", "need.direction.liaison");
    }
    Long garrisonUnitId = liaison ? user.garrisonUnitId() : command.garrisonUnitId();
    if (command.direction() == Direction.FOR_TROOPS && garrisonUnitId == null) {
      throw new ValidationException("garrisonUnitId", "need.garrison-unit.required");
    }
    LocalDate today = today();
    PlausibleDates.check("expectedBy", command.expectedBy()); // the UI's date pickers too
    if (command.expectedBy() != null && command.expectedBy().isBefore(today)) {
      throw new ValidationException("expectedBy", "need.date.past");
    }
    Need need =
        scope.write(
            context,
            c -> {
              long categoryId =
                  store
                      .categoryId(c, command.category())
                      .orElseThrow(
                          () -> new ValidationException("category", "need.category.unknown"));
              if (garrisonUnitId != null && !store.exists(c, "garrison_unit", garrisonUnitId)) {
                throw new ValidationException("garrisonUnitId", "need.garrison-unit.unknown");
              }
              Instant now = clock.instant();
              long id =
                  store.insert(
                      c,
                      new NeedStore.NewNeed(
                          command.year() == null ? today.getYear() : command.year(),
                          command.direction(),
                          command.title().trim(),
                          blankToNull(command.description()),
                          categoryId,
                          garrisonUnitId,
                          command.source() == null ? Source.COLLECTED : command.source(),
                          command.expectedBy(),
                          false,
                          now,
                          user.username()));
              store.addEvent(
                  c,
                  id,
                  new NeedEvent(
                      now, user.username(), Action.SUBMIT, null, Status.SUBMITTED, null, null));
              Need created = store.find(c, id, today, false).orElseThrow();
              notices.after(c, created, Action.SUBMIT, null);
              events.publish(context, new NeedSubmitted(context.code(), id, created.direction()));
              return created;
            });
    record(user, context, "NEED_SUBMIT", need.id());
    return need;
  }

  public Need find(TenantContext context, long id) {
    CurrentUser user = context.caller();
    return scope.read(
        context,
        c -> {
          Need need = visible(user, store.find(c, id, today(), false).orElse(null));
          return need.withHistory(store.history(c, id));
        });
  }

  /** A page of needs, sorted by {@code sort} (default: newest first). */
  public NeedPage list(TenantContext context, NeedQuery query, Pageable pageable) {
    return page(
        context,
        query,
        orderBy(pageable.getSort()),
        (int) pageable.getOffset(),
        pageable.getSize());
  }

  /**
   * The same page by offset and limit, for the UI (which speaks no Micronaut Data): {@code sortBy}
   * is one of id, deadline, createdAt, title, status, year (else newest first).
   */
  public NeedPage list(
      TenantContext context,
      NeedQuery query,
      int offset,
      int limit,
      @Nullable String sortBy,
      boolean ascending) {
    return page(
        context,
        query,
        NeedStore.orderBy(sortBy, ascending),
        Math.max(offset, 0),
        Math.max(limit, 1));
  }

  private NeedPage page(
      TenantContext context, NeedQuery query, String orderBy, int offset, int limit) {
    CurrentUser user = context.caller();
    NeedStore.Visibility visibility = visibilityOf(user);
    return scope.read(
        context, c -> store.list(c, query, visibility, today(), orderBy, offset, limit));
  }

  public List<String> categories(TenantContext context) {
    CurrentUser user = context.caller();
    return scope.read(context, store::categories);
  }

  public Need accept(TenantContext context, long id, @Valid NeedCommands.Accept command) {
    LocalDate today = today();
    PlausibleDates.check("deadline", command.deadline());
    if (command.deadline().isBefore(today)) {
      throw new ValidationException("deadline", "need.date.past");
    }
    return transition(
        context,
        id,
        Action.ACCEPT,
        null,
        command.note(),
        (c, need, now) -> {
          // FOR_TROOPS names the responsible unit, FOR_CIVILIANS the garrison unit that does it
          boolean troops = need.direction() == Direction.FOR_TROOPS;
          String field = troops ? "responsibleUnitId" : "garrisonUnitId";
          String table = troops ? "responsible_unit" : "garrison_unit";
          String messages = troops ? "need.responsible-unit." : "need.garrison-unit.";
          Long unit = troops ? command.responsibleUnitId() : command.garrisonUnitId();
          if (unit == null) {
            throw new ValidationException(field, messages + "required");
          }
          if (!store.exists(c, table, unit)) {
            throw new ValidationException(field, messages + "unknown");
          }
          Jdbc.update(
              c,
              "update need set "
                  + table
                  + "_id = ?, deadline = ?, level = ?, accepted_at = ? where id = ?",
              unit,
              command.deadline(),
              troops && command.level() == null ? Level.CITY : command.level(),
              now,
              id);
        });
  }

  public Need reject(TenantContext context, long id, @Valid NeedCommands.Reject command) {
    return transition(
        context,
        id,
        Action.REJECT,
        null,
        command.reason(),
        (c, need, now) ->
            Jdbc.update(
                c,
                "update need set rejection_reason = ? where id = ?",
                command.reason().trim(),
                id));
  }

  public Need progress(TenantContext context, long id, @Valid NeedCommands.Progress command) {
    return transition(
        context,
        id,
        Action.PROGRESS,
        command.percent(),
        command.note(),
        (c, need, now) ->
            Jdbc.update(c, "update need set percent = ? where id = ?", command.percent(), id));
  }

  public Need complete(TenantContext context, long id, @Valid NeedCommands.Complete command) {
    return transition(
        context,
        id,
        Action.COMPLETE,
        100,
        command.note(),
        (c, need, now) ->
            Jdbc.update(
                c, "update need set percent = 100, completed_at = ? where id = ?", now, id));
  }

  public Need confirm(TenantContext context, long id, @Valid NeedCommands.Confirm command) {
    return transition(
        context,
        id,
        Action.CONFIRM,
        null,
        command.comment(),
        (c, need, now) -> {
          boolean satisfied = command.satisfaction() != Satisfaction.UNSATISFIED;
          Jdbc.update(
              c,
              "update need set satisfaction = ?, satisfaction_comment = ?, closed_at = ?,"
                  + " completed_at = case when ? then completed_at end where id = ?",
              command.satisfaction(),
              blankToNull(command.comment()),
              satisfied ? now : null,
              satisfied,
              id);
        },
        command.satisfaction());
  }

  public Need supervise(TenantContext context, long id, @Valid NeedCommands.Supervise command) {
    return transition(
        context,
        id,
        Action.SUPERVISE,
        null,
        command.note(),
        (c, need, now) ->
            Jdbc.update(
                c, "update need set supervision_count = supervision_count + 1 where id = ?", id));
  }

  /** What an action changes besides the status, inside the same tenant transaction. */
  @FunctionalInterface
  private interface Change {
    void apply(Connection c, Need need, Instant now) throws SQLException;
  }

  private Need transition(
      TenantContext context,
      long id,
      Action action,
      @Nullable Integer percent,
      @Nullable String note,
      Change change) {
    return transition(context, id, action, percent, note, change, null);
  }

  private Need transition(
      TenantContext context,
      long id,
      Action action,
      @Nullable Integer percent,
      @Nullable String note,
      Change change,
      @Nullable Satisfaction satisfaction) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    TenantScope.TenantWork<Need> work =
        c -> {
          Need need = visible(user, store.find(c, id, today, true).orElse(null));
          if (!NeedPermissions.mayDo(user, need, action)) {
            throw ProblemException.forbidden();
          }
          if (!NeedWorkflow.allows(need.status(), action)) {
            throw ProblemException.conflict("need.status.conflict", need.status().name());
          }
          Instant now = clock.instant();
          Status next = NeedWorkflow.next(need.status(), action, satisfaction);
          change.apply(c, need, now);
          Jdbc.update(
              c,
              "update need set status = ?, updated_at = ?, updated_by = ?,"
                  + " version = version + 1 where id = ?",
              next,
              now,
              user.username(),
              id);
          store.addEvent(
              c,
              id,
              new NeedEvent(
                  now, user.username(), action, need.status(), next, percent, blankToNull(note)));
          Need after = store.find(c, id, today, false).orElseThrow();
          notices.after(c, after, action, blankToNull(note));
          events.publish(
              context, new NeedAdvanced(context.code(), id, action, need.status(), next));
          return after.withHistory(store.history(c, id));
        };
    // a supervisor's context is read-only, yet 督办 is theirs to record (NeedPermissions decides)
    Need updated =
        action == Action.SUPERVISE ? scope.oversee(context, work) : scope.write(context, work);
    record(user, context, "NEED_" + action.name(), id);
    return updated;
  }

  private static Need visible(CurrentUser user, @Nullable Need need) {
    if (need == null || !NeedPermissions.maySee(user, need)) {
      throw ProblemException.notFound();
    }
    return need;
  }

  static NeedStore.Visibility visibilityOf(CurrentUser user) {
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      return NeedStore.Visibility.ALL;
    }
    if (user.has(Role.GARRISON_LIAISON)) {
      return new NeedStore.Visibility(
          user.garrisonUnitId() == null ? -1L : user.garrisonUnitId(), null);
    }
    if (user.has(Role.UNIT_HANDLER)) {
      return new NeedStore.Visibility(
          null, user.responsibleUnitId() == null ? -1L : user.responsibleUnitId());
    }
    return new NeedStore.Visibility(-1L, -1L);
  }

  private static String orderBy(Sort sort) {
    if (!sort.isSorted()) {
      return NeedStore.orderBy(null, false);
    }
    Sort.Order order = sort.getOrderBy().get(0);
    return NeedStore.orderBy(order.getProperty(), order.isAscending());
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  private void record(CurrentUser user, TenantContext context, String action, long id) {
    audit.record(
        new AuditLog.Entry(
            user.username(), context.code().value(), action, "need:" + id, "SUCCESS", null, null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
