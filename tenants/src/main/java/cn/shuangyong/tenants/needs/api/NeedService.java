package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRepository;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRow;
import cn.shuangyong.tenants.needs.internal.NeedNotices;
import cn.shuangyong.tenants.needs.internal.NeedPeople;
import cn.shuangyong.tenants.needs.internal.NeedRepository;
import cn.shuangyong.tenants.needs.internal.NeedStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The 双清单 workflow of one tenant: submit, accept or reject, report progress, complete, confirm with
 * satisfaction (销号), supervise (督办); lists and details restricted to what the caller may see. A
 * wrong status is 409 naming the status, a wrong role 403, another unit's need 404.
 */
@Singleton
public class NeedService {
  private final TenantScope scope;
  private final NeedStore store;
  private final NeedRepository changes;
  private final NeedCategoryRepository categoryRows;
  private final NeedNotices notices;
  private final NeedPeople people;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final Clock clock;

  NeedService(
      TenantScope scope,
      NeedStore store,
      NeedRepository changes,
      NeedCategoryRepository categoryRows,
      NeedNotices notices,
      NeedPeople people,
      TenantAudit audit,
      TenantEvents events,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.changes = changes;
    this.categoryRows = categoryRows;
    this.notices = notices;
    this.people = people;
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
            () -> {
              long categoryId =
                  categoryRows
                      .activeIdByName(command.category().trim())
                      .orElseThrow(
                          () -> new ValidationException("category", "need.category.unknown"));
              if (garrisonUnitId != null && !changes.garrisonUnitExists(garrisonUnitId)) {
                throw new ValidationException("garrisonUnitId", "need.garrison-unit.unknown");
              }
              Instant now = clock.instant();
              long id =
                  store.insert(
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
                  id,
                  new NeedEvent(
                      now, user.username(), Action.SUBMIT, null, Status.SUBMITTED, null, null));
              Need created = store.find(id, today, false).orElseThrow();
              notices.after(created, Action.SUBMIT, null);
              events.publish(context, new NeedSubmitted(context.code(), id, created.direction()));
              audit.record(context, "NEED_SUBMIT", "need:" + id, null, created);
              return created;
            });
    return need;
  }

  public Need find(TenantContext context, long id) {
    CurrentUser user = context.caller();
    return scope.read(
        context,
        () -> {
          Need need = visible(user, store.find(id, today(), false).orElse(null));
          return need.withHistory(withPeople(context, store.history(id)));
        });
  }

  /** The history with who did each step (display name, unit), read once for the whole history. */
  private List<NeedEvent> withPeople(TenantContext context, List<NeedEvent> history) {
    Map<String, Person> people =
        this.people.of(
            context.code().value(),
            history.stream().map(NeedEvent::actor).collect(Collectors.toSet()));
    return history.stream().map(event -> event.withActor(people.get(event.actor()))).toList();
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
    LocalDate today = today();
    return scope.read(context, () -> store.list(query, visibility, today, orderBy, offset, limit));
  }

  public List<String> categories(TenantContext context) {
    return scope.read(
        context, () -> categoryRows.active().stream().map(NeedCategoryRow::name).toList());
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
        (need, now) -> {
          // FOR_TROOPS names the responsible unit, FOR_CIVILIANS the garrison unit that does it
          boolean troops = need.direction() == Direction.FOR_TROOPS;
          String field = troops ? "responsibleUnitId" : "garrisonUnitId";
          String messages = troops ? "need.responsible-unit." : "need.garrison-unit.";
          Long unit = troops ? command.responsibleUnitId() : command.garrisonUnitId();
          if (unit == null) {
            throw new ValidationException(field, messages + "required");
          }
          if (!(troops ? changes.responsibleUnitExists(unit) : changes.garrisonUnitExists(unit))) {
            throw new ValidationException(field, messages + "unknown");
          }
          Level level = troops && command.level() == null ? Level.CITY : command.level();
          if (troops) {
            changes.acceptForTroops(id, unit, command.deadline(), level, now);
          } else {
            changes.acceptForCivilians(id, unit, command.deadline(), level, now);
          }
        });
  }

  public Need reject(TenantContext context, long id, @Valid NeedCommands.Reject command) {
    return transition(
        context,
        id,
        Action.REJECT,
        null,
        command.reason(),
        (need, now) -> changes.reject(id, command.reason().trim()));
  }

  public Need progress(TenantContext context, long id, @Valid NeedCommands.Progress command) {
    return transition(
        context,
        id,
        Action.PROGRESS,
        command.percent(),
        command.note(),
        (need, now) -> changes.progress(id, command.percent()));
  }

  public Need complete(TenantContext context, long id, @Valid NeedCommands.Complete command) {
    return transition(
        context,
        id,
        Action.COMPLETE,
        100,
        command.note(),
        (need, now) -> changes.complete(id, now));
  }

  public Need confirm(TenantContext context, long id, @Valid NeedCommands.Confirm command) {
    return transition(
        context,
        id,
        Action.CONFIRM,
        null,
        command.comment(),
        (need, now) -> {
          boolean satisfied = command.satisfaction() != Satisfaction.UNSATISFIED;
          changes.confirm(
              id,
              command.satisfaction(),
              blankToNull(command.comment()),
              satisfied ? now : null,
              satisfied);
          if (!satisfied) {
            changes.progress(id, NeedWorkflow.percentAfterSendBack(store.history(id)));
          }
        },
        command.satisfaction());
  }

  /** 撤回: the asking liaison (or the office) takes a still SUBMITTED need back; it then ends. */
  public Need withdraw(TenantContext context, long id, @Valid NeedCommands.Withdraw command) {
    return transition(context, id, Action.WITHDRAW, null, command.note(), (need, now) -> {});
  }

  public Need supervise(TenantContext context, long id, @Valid NeedCommands.Supervise command) {
    return transition(
        context, id, Action.SUPERVISE, null, command.note(), (need, now) -> changes.supervise(id));
  }

  /** What an action changes besides the status, inside the same tenant transaction. */
  @FunctionalInterface
  private interface Change {
    void apply(Need need, Instant now);
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
    Supplier<Need> work =
        () -> {
          Need need = visible(user, store.find(id, today, true).orElse(null));
          if (!NeedPermissions.mayDo(user, need, action)) {
            throw ProblemException.forbidden();
          }
          if (!NeedWorkflow.allows(need.status(), action)) {
            throw ProblemException.conflict("need.status.conflict", need.status().name());
          }
          Instant now = clock.instant();
          Status next = NeedWorkflow.next(need.status(), action, satisfaction);
          // what happened, by name: an unsatisfied confirm is recorded as 退回重办 (REOPEN), staff's
          // report or completion for the unit as 代为报告进度 / 代为办结, which must say why
          Action done =
              NeedWorkflow.recorded(action, satisfaction, NeedPermissions.actsOnBehalf(user, need));
          if (NeedWorkflow.onBehalf(done) && blankToNull(note) == null) {
            throw new ValidationException("note", "need.on-behalf.note.required");
          }
          change.apply(need, now);
          changes.moveTo(id, next, now, user.username());
          store.addEvent(
              id,
              new NeedEvent(
                  now, user.username(), done, need.status(), next, percent, blankToNull(note)));
          Need after = store.find(id, today, false).orElseThrow();
          notices.after(after, done, blankToNull(note));
          events.publish(context, new NeedAdvanced(context.code(), id, done, need.status(), next));
          audit.record(
              context, "NEED_" + done.name(), "need:" + id, need, after, blankToNull(note));
          return after.withHistory(store.history(id));
        };
    // a supervisor's context is read-only, yet 督办 is theirs to record (NeedPermissions decides)
    return action == Action.SUPERVISE ? scope.oversee(context, work) : scope.write(context, work);
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

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
