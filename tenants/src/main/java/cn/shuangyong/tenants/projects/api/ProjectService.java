package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import cn.shuangyong.tenants.projects.internal.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 拥军项目 of one tenant: create (PLANNED), start, finish, cancel with a reason, milestones added
 * and completed; lists and details restricted to what the caller may see ({@link
 * ProjectPermissions}). A wrong status is 409 naming the status, a wrong role 403, a project the
 * caller may not see (or of another tenant) 404. Each change is audited in its own transaction and
 * published ({@link ProjectChanged}) after it commits.
 */
@Singleton
public class ProjectService {
  private final TenantScope scope;
  private final ProjectStore store;
  private final UserDirectory users;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final Clock clock;

  ProjectService(
      TenantScope scope,
      ProjectStore store,
      UserDirectory users,
      TenantAudit audit,
      TenantEvents events,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.users = users;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public Project create(TenantContext context, @Valid ProjectCommands.Create command) {
    CurrentUser user = context.caller();
    if (!ProjectPermissions.mayDo(user, Action.CREATE)) {
      throw ProblemException.forbidden();
    }
    checkFields(command);
    List<Long> garrisonUnits = ProjectRules.distinct(command.garrisonUnitIds());
    List<Long> needs = ProjectRules.distinct(command.needIds());
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          checkReferences(command.responsibleUnitId(), garrisonUnits, needs);
          Instant now = clock.instant();
          long id =
              store.insert(
                  new ProjectStore.NewProject(
                      command.year() == null ? command.plannedStart().getYear() : command.year(),
                      command.name().trim(),
                      command.category().trim(),
                      command.responsibleUnitId(),
                      command.budget().setScale(2),
                      command.fundingSource(),
                      command.plannedStart(),
                      command.plannedEnd(),
                      now,
                      user.username()));
          store.linkGarrisonUnits(id, garrisonUnits);
          store.linkNeeds(id, needs);
          store.addEvent(
              id,
              new ProjectEvent(
                  now, user.username(), Action.CREATE, null, Status.PLANNED, null, null));
          events.publish(
              context, new ProjectChanged(context.code(), id, Action.CREATE, null, Status.PLANNED));
          Project created = detail(context, id, today);
          audit.record(context, "PROJECT_CREATE", "project:" + id, null, created);
          return created;
        });
  }

  /**
   * Corrects a project's fields while it is PLANNED or IN_PROGRESS (409 after): the creation's
   * rules, the units of this tenant, and no milestone due after the new planned end (422 naming
   * it). A line of the timeline and an audit entry with the project before and after.
   */
  public Project update(TenantContext context, long id, @Valid ProjectCommands.Update command) {
    CurrentUser user = context.caller();
    checkFields(command.asCreate());
    List<Long> garrisonUnits = ProjectRules.distinct(command.garrisonUnitIds());
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project = allowed(user, store.find(id, today, true).orElse(null), Action.UPDATE);
          checkReferences(command.responsibleUnitId(), garrisonUnits, List.of());
          for (Milestone milestone : store.milestones(id, today)) {
            if (milestone.dueDate().isAfter(command.plannedEnd())) {
              throw new ValidationException(
                  "plannedEnd",
                  "project.update.milestone-after-end",
                  milestone.title(),
                  milestone.dueDate().toString());
            }
          }
          Instant now = clock.instant();
          store.update(
              id,
              new ProjectStore.ProjectFields(
                  command.name().trim(),
                  command.category().trim(),
                  command.responsibleUnitId(),
                  command.budget().setScale(2),
                  command.fundingSource(),
                  command.plannedStart(),
                  command.plannedEnd()),
              garrisonUnits,
              now,
              user.username());
          record(context, project, Action.UPDATE, project.status(), null, now);
          return detail(context, id, today);
        });
  }

  /** 400 for an implausible date, 422 naming every broken rule of the fields. */
  private static void checkFields(ProjectCommands.Create command) {
    PlausibleDates.check("plannedStart", command.plannedStart());
    PlausibleDates.check("plannedEnd", command.plannedEnd());
    List<ValidationException.FieldError> errors = ProjectRules.check(command);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** 422 for a responsible unit, garrison unit or need that this tenant does not have. */
  private void checkReferences(Long responsibleUnitId, List<Long> garrisonUnits, List<Long> needs) {
    List<ValidationException.FieldError> errors = new ArrayList<>();
    if (!store.responsibleUnitExists(responsibleUnitId)) {
      errors.add(
          new ValidationException.FieldError(
              "responsibleUnitId", "project.responsible-unit.unknown"));
    }
    if (!store.existingGarrisonUnits(garrisonUnits).containsAll(garrisonUnits)) {
      errors.add(
          new ValidationException.FieldError("garrisonUnitIds", "project.garrison-units.unknown"));
    }
    if (!store.existingNeeds(needs).containsAll(needs)) {
      errors.add(new ValidationException.FieldError("needIds", "project.needs.unknown"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** One project with its milestones and timeline (404 when the caller may not see it). */
  public Project find(TenantContext context, long id) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    return scope.read(
        context,
        () -> {
          visible(user, store.find(id, today, false).orElse(null));
          return detail(context, id, today);
        });
  }

  /** A page of projects, sorted by {@code sort} (default: newest first). */
  public ProjectPage list(TenantContext context, ProjectQuery query, Pageable pageable) {
    Sort sort = pageable.getSort();
    String orderBy =
        sort.isSorted()
            ? ProjectStore.orderBy(
                sort.getOrderBy().get(0).getProperty(), sort.getOrderBy().get(0).isAscending())
            : ProjectStore.orderBy(null, false);
    return page(context, query, orderBy, (int) pageable.getOffset(), pageable.getSize());
  }

  /**
   * The same page by offset and limit, for the UI: {@code sortBy} is one of {@link
   * ProjectStore#SORTABLE}'s fields (else newest first).
   */
  public ProjectPage list(
      TenantContext context,
      ProjectQuery query,
      int offset,
      int limit,
      @Nullable String sortBy,
      boolean ascending) {
    return page(
        context,
        query,
        ProjectStore.orderBy(sortBy, ascending),
        Math.max(offset, 0),
        Math.max(1, Math.min(limit, 200)));
  }

  private ProjectPage page(
      TenantContext context, ProjectQuery query, String orderBy, int offset, int limit) {
    ProjectStore.Visibility visibility = visibilityOf(context.caller());
    LocalDate today = today();
    return scope.read(context, () -> store.list(query, visibility, today, orderBy, offset, limit));
  }

  public Project start(TenantContext context, long id, @Valid ProjectCommands.Note command) {
    return transition(context, id, Action.START, command == null ? null : command.note());
  }

  public Project finish(TenantContext context, long id, @Valid ProjectCommands.Note command) {
    return transition(context, id, Action.FINISH, command == null ? null : command.note());
  }

  public Project cancel(TenantContext context, long id, @Valid ProjectCommands.Cancel command) {
    return transition(context, id, Action.CANCEL, command.reason().trim());
  }

  private Project transition(TenantContext context, long id, Action action, @Nullable String note) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project = allowed(user, store.find(id, today, true).orElse(null), action);
          Instant now = clock.instant();
          Status next = ProjectWorkflow.next(project.status(), action);
          store.moveTo(id, next, action == Action.CANCEL ? note : null, now, user.username());
          record(context, project, action, next, blankToNull(note), now);
          return detail(context, id, today);
        });
  }

  /** Adds a milestone, due by a date within the project's plan (not after its planned end). */
  public Milestone addMilestone(
      TenantContext context, long id, @Valid ProjectCommands.AddMilestone command) {
    CurrentUser user = context.caller();
    PlausibleDates.check("dueDate", command.dueDate());
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project =
              allowed(user, store.find(id, today, true).orElse(null), Action.ADD_MILESTONE);
          if (command.dueDate().isAfter(project.plannedEnd())) {
            throw new ValidationException(
                "dueDate", "project.milestone.after-end", project.plannedEnd().toString());
          }
          Instant now = clock.instant();
          String title = command.title().trim();
          long milestone = store.addMilestone(id, title, command.dueDate(), now, user.username());
          store.touch(id, now, user.username());
          record(context, project, Action.ADD_MILESTONE, project.status(), title, now);
          return store.milestones(id, today).stream()
              .filter(m -> m.id() == milestone)
              .findFirst()
              .orElseThrow();
        });
  }

  /** Completes a milestone (409 when it is completed already or the project is closed). */
  public Project completeMilestone(TenantContext context, long id, long milestoneId) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project =
              allowed(user, store.find(id, today, true).orElse(null), Action.COMPLETE_MILESTONE);
          Milestone milestone =
              store.lockMilestone(id, milestoneId, today).orElseThrow(ProblemException::notFound);
          if (milestone.completed()) {
            throw ProblemException.conflict("project.milestone.completed", milestone.title());
          }
          Instant now = clock.instant();
          store.completeMilestone(milestoneId, now, user.username());
          store.touch(id, now, user.username());
          record(
              context,
              project,
              Action.COMPLETE_MILESTONE,
              project.status(),
              milestone.title(),
              now);
          return detail(context, id, today);
        });
  }

  /**
   * Sets the progress by hand (what the office knows of work without milestones, or ahead of them):
   * shown as ENTERED until {@link #clearProgress cleared}; the note says what was done.
   */
  public Project enterProgress(
      TenantContext context, long id, @Valid ProjectCommands.EnterProgress command) {
    String note = command.percent() + "%" + noteSuffix(command.note());
    return progressStep(context, id, Action.ENTER_PROGRESS, command.percent(), note);
  }

  /** Back to the progress the milestones give (or 0 without milestones). */
  public Project clearProgress(TenantContext context, long id) {
    return progressStep(context, id, Action.CLEAR_PROGRESS, null, null);
  }

  private Project progressStep(
      TenantContext context,
      long id,
      Action action,
      @Nullable Integer percent,
      @Nullable String note) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project = allowed(user, store.find(id, today, true).orElse(null), action);
          Instant now = clock.instant();
          store.enterProgress(id, percent, now, user.username());
          record(context, project, action, project.status(), note, now);
          return detail(context, id, today);
        });
  }

  /**
   * Links a need of this tenant that the project fulfils (the need then shows the project); 422 for
   * a need this tenant does not have, 409 when it is linked already.
   */
  public Project linkNeed(TenantContext context, long id, @Valid ProjectCommands.LinkNeed command) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    long need = command.needId();
    return scope.write(
        context,
        () -> {
          Project project =
              allowed(user, store.find(id, today, true).orElse(null), Action.LINK_NEED);
          if (store.existingNeeds(List.of(need)).isEmpty()) {
            throw new ValidationException("needId", "project.needs.unknown");
          }
          if (!store.linkNeed(id, need)) {
            throw ProblemException.conflict("project.need.linked", String.valueOf(need));
          }
          Instant now = clock.instant();
          store.touch(id, now, user.username());
          record(context, project, Action.LINK_NEED, project.status(), "#" + need, now);
          return detail(context, id, today);
        });
  }

  /** Takes a need's link back (404 when the need is not linked to the project). */
  public Project unlinkNeed(TenantContext context, long id, long needId) {
    CurrentUser user = context.caller();
    LocalDate today = today();
    return scope.write(
        context,
        () -> {
          Project project =
              allowed(user, store.find(id, today, true).orElse(null), Action.UNLINK_NEED);
          if (!store.unlinkNeed(id, needId)) {
            throw ProblemException.notFound();
          }
          Instant now = clock.instant();
          store.touch(id, now, user.username());
          record(context, project, Action.UNLINK_NEED, project.status(), "#" + needId, now);
          return detail(context, id, today);
        });
  }

  /** The projects that fulfil a need, those the caller may see (how a need shows its projects). */
  public List<Project> fulfilling(TenantContext context, long needId) {
    return list(context, new ProjectQuery(null, null, null, needId, null), 0, 50, null, true)
        .items();
  }

  private static String noteSuffix(@Nullable String note) {
    return note == null || note.isBlank() ? "" : " · " + note.trim();
  }

  /** 404 unless visible, then 403 unless the role may, then 409 naming the status. */
  private static Project allowed(CurrentUser user, @Nullable Project project, Action action) {
    Project seen = visible(user, project);
    if (!ProjectPermissions.mayDo(user, action)) {
      throw ProblemException.forbidden();
    }
    if (!ProjectWorkflow.allows(seen.status(), action)) {
      throw ProblemException.conflict("project.status.conflict", seen.status().name());
    }
    return seen;
  }

  /**
   * Inside a tenant transaction: the project locked for {@code action}, with {@link #allowed}'s
   * answers (404, 403, 409). How the project's attachments take their steps.
   */
  Project lockedFor(TenantContext context, long id, Action action) {
    return allowed(context.caller(), store.find(id, today(), true).orElse(null), action);
  }

  /** Inside a tenant transaction: the project, 404 unless the caller may see it. */
  Project seenBy(TenantContext context, long id) {
    return visible(context.caller(), store.find(id, today(), false).orElse(null));
  }

  /** The timeline line, the event after commit and the audit entry of one change. */
  private void record(
      TenantContext context,
      Project before,
      Action action,
      Status next,
      @Nullable String note,
      Instant now) {
    record(context, before, action, next, note, now, "");
  }

  /**
   * The same, with the audit's target naming a part of the project ({@code "/attachment:7"}); the
   * project is marked changed.
   */
  void record(
      TenantContext context,
      Project before,
      Action action,
      Status next,
      @Nullable String note,
      Instant now,
      String targetPart) {
    String actor = context.caller().username();
    if (!targetPart.isEmpty()) {
      store.touch(before.id(), now, actor);
    }
    store.addEvent(
        before.id(), new ProjectEvent(now, actor, action, before.status(), next, note, null));
    events.publish(
        context, new ProjectChanged(context.code(), before.id(), action, before.status(), next));
    Project after = store.find(before.id(), today(), false).orElseThrow();
    audit.record(
        context,
        "PROJECT_" + action.name(),
        "project:" + before.id() + targetPart,
        before,
        after,
        note);
  }

  /** The project with its milestones and timeline, who did each step by name. */
  private Project detail(TenantContext context, long id, LocalDate today) {
    Project project = store.find(id, today, false).orElseThrow();
    List<Milestone> milestones = store.milestones(id, today);
    List<ProjectEvent> history = store.history(id);
    Set<String> names = new HashSet<>();
    history.forEach(event -> names.add(event.actor()));
    milestones.stream().map(Milestone::completedBy).filter(n -> n != null).forEach(names::add);
    Map<String, Person> people = people(names);
    return project.withDetail(
        milestones.stream()
            .map(m -> m.completedBy() == null ? m : m.withCompleter(people.get(m.completedBy())))
            .toList(),
        history.stream().map(event -> event.withActor(people.get(event.actor()))).toList());
  }

  Map<String, Person> people(Set<String> usernames) {
    Map<String, UserAccount> accounts = users.byUsernames(usernames);
    Map<String, Person> people = new HashMap<>();
    for (String username : usernames) {
      UserAccount account = accounts.get(username);
      people.put(
          username,
          account == null
              ? Person.unknown(username)
              : new Person(username, account.displayName(), null, false));
    }
    return people;
  }

  private static Project visible(CurrentUser user, @Nullable Project project) {
    if (project == null || !ProjectPermissions.maySee(user, project)) {
      throw ProblemException.notFound();
    }
    return project;
  }

  static ProjectStore.Visibility visibilityOf(CurrentUser user) {
    if (user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF, Role.SUPERVISOR)) {
      return ProjectStore.Visibility.ALL;
    }
    Long responsible = user.has(Role.UNIT_HANDLER) ? user.responsibleUnitId() : null;
    Long garrison = user.has(Role.GARRISON_LIAISON) ? user.garrisonUnitId() : null;
    if (responsible == null && garrison == null) {
      return ProjectStore.Visibility.NONE;
    }
    return new ProjectStore.Visibility(responsible, garrison);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  private static String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
