package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.privacy.UnmaskingAudit;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.internal.ApplicantIdentity;
import cn.shuangyong.tenants.fund.internal.FundStore;
import cn.shuangyong.tenants.fund.internal.GrantListFilter;
import cn.shuangyong.tenants.notifications.api.Audience;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.tenants.notifications.api.Subject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 帮扶申请 of one tenant: the office records an application (SUBMITTED), the town/street review
 * passes it (REVIEWED) or sends it back (REJECTED), the county office approves an amount within the
 * household's cap of the year (APPROVED) or refuses it with a reason, and pays it (PAID) from the
 * fund, never past its balance; an urgent case may be paid first and its paperwork completed after.
 * A wrong role is 403, another tenant's grant 404, a step the status does not allow 409 naming the
 * status, bad input and a broken cap 422, each with nothing saved. Every step is kept on the
 * grant's timeline, audited with the grant before and after in its own transaction, published
 * ({@link FundChanged}) after it commits, and rings the office's bell for the next step.
 */
@Singleton
public class GrantService {
  private final TenantScope scope;
  private final FundStore store;
  private final ApplicantIdentity identity;
  private final UserDirectory users;
  private final TenantAudit audit;
  private final UnmaskingAudit unmasking;
  private final TenantEvents events;
  private final NotificationService notifications;
  private final Clock clock;

  GrantService(
      TenantScope scope,
      FundStore store,
      ApplicantIdentity identity,
      UserDirectory users,
      TenantAudit audit,
      UnmaskingAudit unmasking,
      TenantEvents events,
      NotificationService notifications,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.identity = identity;
    this.users = users;
    this.audit = audit;
    this.unmasking = unmasking;
    this.events = events;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What a step changes once it is allowed: the status after it, its note and its amount. */
  private record Outcome(Status next, @Nullable String note, @Nullable BigDecimal amount) {}

  /** A step's work on a locked grant that the role and the status allow. */
  @FunctionalInterface
  private interface Step {
    Outcome apply(Grant grant, Instant now, String actor);
  }

  /** Records an application (the office's staff); 201 with status SUBMITTED. */
  public Grant submit(TenantContext context, @Valid FundCommands.Apply command) {
    mayDo(context, Action.SUBMIT);
    LocalDate today = today();
    List<FieldError> errors = FundRules.check(command, today);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String actor = context.caller().username();
    return scope.write(
        context,
        () -> {
          Instant now = clock.instant();
          long id = store.insertGrant(newGrant(command, today.getYear(), now, actor));
          store.addEvent(
              id,
              new GrantEvent(
                  now,
                  actor,
                  Action.SUBMIT,
                  null,
                  Status.SUBMITTED,
                  command.isUrgent() ? command.urgentReason().strip() : null,
                  command.requestedAmount().setScale(2),
                  null));
          Grant created = store.grant(id, false).orElseThrow();
          audit.record(context, "GRANT_SUBMIT", "grant:" + id, null, created);
          events.publish(
              context, new FundChanged(context.code(), Action.SUBMIT, id, null, Status.SUBMITTED));
          notifyNext(created, Status.SUBMITTED);
          return detail(id);
        });
  }

  private FundStore.NewGrant newGrant(
      FundCommands.Apply command, int year, Instant now, String actor) {
    return new FundStore.NewGrant(
        year,
        command.applicantName().strip(),
        command.applicantType(),
        identity.encryptIdNumber(command.idNumber()),
        identity.household(command.idNumber()),
        identity.encryptPhone(command.phone()),
        command.householdSize(),
        command.income12Months().setScale(2),
        command.reason().strip(),
        command.requestedAmount().setScale(2),
        command.isSpecial(),
        command.isSpecial() ? command.specialReason().strip() : null,
        command.isUrgent(),
        command.isUrgent() ? command.urgentReason().strip() : null,
        now,
        actor);
  }

  /** One grant with its timeline, papers and the household's other grants (masked). */
  public Grant find(TenantContext context, long id) {
    mayRead(context);
    return scope.read(
        context,
        () -> {
          store.grant(id, false).orElseThrow(ProblemException::notFound);
          return detail(id);
        });
  }

  /** A page of grants, sorted by {@code sort} (default: newest first). */
  public GrantPage list(TenantContext context, GrantQuery query, Pageable pageable) {
    Sort sort = pageable.getSort();
    String orderBy =
        sort.isSorted()
            ? FundStore.orderBy(
                sort.getOrderBy().get(0).getProperty(), sort.getOrderBy().get(0).isAscending())
            : FundStore.orderBy(null, false);
    mayRead(context);
    return scope.read(
        context,
        () ->
            store.grants(
                store.filter(query), orderBy, (int) pageable.getOffset(), pageable.getSize()));
  }

  /** The same page by offset and limit, for the UI. */
  public GrantPage list(
      TenantContext context,
      GrantQuery query,
      int offset,
      int limit,
      @Nullable String sortBy,
      boolean ascending) {
    mayRead(context);
    return scope.read(
        context,
        () ->
            store.grants(
                store.filter(query),
                FundStore.orderBy(sortBy, ascending),
                Math.max(offset, 0),
                Math.max(1, Math.min(limit, 200))));
  }

  /**
   * The caller's inbox: the grants that wait for the caller's step (oldest first); empty for a
   * supervisor, who takes no step.
   */
  public GrantPage inbox(TenantContext context, int offset, int limit) {
    mayRead(context);
    CurrentUser user = context.caller();
    GrantListFilter filter =
        store.inbox(
            context.readOnly() ? Set.of() : FundPermissions.awaiting(user),
            !context.readOnly() && FundPermissions.awaitsUrgentPayment(user),
            !context.readOnly() && FundPermissions.awaitsPaperwork(user));
    return scope.read(
        context,
        () ->
            store.grants(
                filter,
                "g.urgent desc, g.created_at asc, g.id asc",
                Math.max(offset, 0),
                Math.max(1, Math.min(limit, 200))));
  }

  /** The town/street review: passed (REVIEWED) or sent back (REJECTED), with its note. */
  public Grant review(TenantContext context, long id, @Valid FundCommands.Review command) {
    boolean approve = command.approve();
    String note = command.note().strip();
    return step(
        context,
        id,
        Action.REVIEW,
        (grant, now, actor) -> {
          Status next = FundWorkflow.next(grant.status(), Action.REVIEW, approve);
          store.reviewed(id, next, note, now, actor);
          return new Outcome(next, note, null);
        });
  }

  /** The county office approves {@code amount} within the household's cap of the year. */
  public Grant approve(TenantContext context, long id, @Valid FundCommands.Approve command) {
    BigDecimal amount = checkedAmount("amount", command.amount());
    String note = blankToNull(command.note());
    return step(
        context,
        id,
        Action.APPROVE,
        (grant, now, actor) -> {
          checkCap(grant, amount);
          store.approved(id, amount, now, actor);
          return new Outcome(Status.APPROVED, note, amount);
        });
  }

  /** The county office refuses, with its reason. */
  public Grant reject(TenantContext context, long id, @Valid FundCommands.Reject command) {
    String reason = command.reason().strip();
    return step(
        context,
        id,
        Action.REJECT,
        (grant, now, actor) -> {
          store.rejected(id, reason, now, actor);
          return new Outcome(Status.REJECTED, reason, null);
        });
  }

  /**
   * Pays a grant from the fund (the county office): an approved grant its approved amount; an
   * urgent one first, before review or approval, the amount given (else its requested amount),
   * within the cap, and marked paid first until its paperwork is completed. Never past the balance.
   */
  public Grant pay(TenantContext context, long id, @Valid FundCommands.Pay command) {
    PlausibleDates.check("paidOn", command.paidOn());
    if (command.paidOn().isAfter(today())) {
      throw new ValidationException("paidOn", "fund.date.future");
    }
    BigDecimal given = command.amount() == null ? null : checkedAmount("amount", command.amount());
    String reference = command.reference().strip();
    return step(
        context,
        id,
        Action.PAY,
        (grant, now, actor) -> {
          boolean first = FundWorkflow.paysFirst(grant.status());
          BigDecimal amount = payable(grant, given, first);
          BigDecimal balance = store.fund().balance();
          if (amount.compareTo(balance) > 0) {
            throw new ValidationException(
                "amount",
                "fund.balance.insufficient",
                balance.toPlainString(),
                amount.toPlainString());
          }
          store.paid(
              id, new FundStore.Payment(amount, command.paidOn(), reference, first), now, actor);
          return new Outcome(Status.PAID, reference, amount);
        });
  }

  /** The amount a payment pays: the approved one, or, paid first, the given or requested one. */
  private BigDecimal payable(Grant grant, @Nullable BigDecimal given, boolean first) {
    if (!first) {
      if (given != null && given.compareTo(grant.approvedAmount()) != 0) {
        throw new ValidationException(
            "amount", "grant.pay.amount-approved", grant.approvedAmount().toPlainString());
      }
      return grant.approvedAmount();
    }
    BigDecimal amount = given == null ? grant.requestedAmount() : given;
    checkCap(grant, amount);
    return amount;
  }

  /** The paperwork of a grant paid first is complete (the office); it no longer shows 待补材料. */
  public Grant completePaperwork(
      TenantContext context, long id, @Valid FundCommands.CompletePaperwork command) {
    String note = command.note().strip();
    return step(
        context,
        id,
        Action.COMPLETE_PAPERWORK,
        (grant, now, actor) -> {
          store.paperworkCompleted(id, now, actor);
          return new Outcome(grant.status(), note, null);
        });
  }

  /**
   * The applicant's name, ID number and phone in plain, for the office only (CITY_ADMIN,
   * CITY_STAFF; a supervisor or anyone else 403), each time audited as {@code
   * PERSONAL_DATA_UNMASKED}.
   */
  public GrantPersonalData personalData(TenantContext context, long id) {
    if (context.readOnly() || !FundPermissions.mayOpenPersonalData(context.caller())) {
      throw ProblemException.forbidden();
    }
    GrantPersonalData plain =
        scope.read(context, () -> store.personalData(id).orElseThrow(ProblemException::notFound));
    unmasking.unmasked(
        context.caller(), context.code().value(), "grant:" + id, List.of("idNumber", "phone"));
    return plain;
  }

  /**
   * One step on a grant: the role (403) before anything, then inside one transaction the fund's
   * lock (money and caps are decided one at a time), the grant (404) and its status (409), the
   * step's own work, the timeline line, the audit entry, the event after commit and the bell.
   */
  private Grant step(TenantContext context, long id, Action action, Step work) {
    mayDo(context, action);
    String actor = context.caller().username();
    return scope.write(
        context,
        () -> {
          store.lockFund();
          Grant before = store.grant(id, true).orElseThrow(ProblemException::notFound);
          allowed(before, action);
          Instant now = clock.instant();
          Outcome outcome = work.apply(before, now, actor);
          store.addEvent(
              id,
              new GrantEvent(
                  now,
                  actor,
                  action,
                  before.status(),
                  outcome.next(),
                  outcome.note(),
                  outcome.amount(),
                  null));
          Grant after = store.grant(id, false).orElseThrow();
          audit.record(
              context, "GRANT_" + action.name(), "grant:" + id, before, after, outcome.note());
          events.publish(
              context,
              new FundChanged(context.code(), action, id, before.status(), outcome.next()));
          notifyNext(after, before.status());
          return detail(id);
        });
  }

  /** 409 naming the status when the step does not fit it. */
  private static void allowed(Grant grant, Action action) {
    if (FundWorkflow.allows(grant.status(), action, grant.urgent(), grant.paperworkPending())) {
      return;
    }
    if (action == Action.PAY && grant.status() != Status.PAID) {
      throw ProblemException.conflict("grant.pay.not-approved", grant.status().name());
    }
    if (action == Action.COMPLETE_PAPERWORK && grant.status() == Status.PAID) {
      throw ProblemException.conflict("grant.paperwork.not-pending");
    }
    throw ProblemException.conflict("grant.status.conflict", grant.status().name());
  }

  /** 422 when the amount for this grant is below the minimum or past the household's cap. */
  private void checkCap(Grant grant, BigDecimal amount) {
    GrantCaps caps = store.caps();
    BigDecimal counted = store.counted(store.householdOf(grant.id()), grant.year(), grant.id());
    FieldError over = FundRules.overCap(caps, grant.special(), grant.year(), counted, amount);
    if (over != null) {
      throw new ValidationException(List.of(over));
    }
  }

  /** The office's bell for whoever takes the next step (the office is one audience). */
  private void notifyNext(Grant grant, Status from) {
    String kind = nextKind(grant, from);
    if (kind == null) {
      return;
    }
    notifications.notify(
        Audience.OFFICE,
        kind,
        new Subject(FundTypes.SUBJECT, grant.id()),
        List.of(String.valueOf(grant.id()), grant.requestedAmount().toPlainString()),
        kind + ":" + grant.id());
  }

  private static @Nullable String nextKind(Grant grant, Status from) {
    if (grant.status() == Status.SUBMITTED) {
      return grant.urgent() ? "GRANT_URGENT" : "GRANT_SUBMITTED";
    }
    if (grant.status() == Status.REVIEWED && from == Status.SUBMITTED) {
      return "GRANT_REVIEWED";
    }
    if (grant.status() == Status.APPROVED && from == Status.REVIEWED) {
      return "GRANT_APPROVED";
    }
    if (grant.status() == Status.PAID && from != Status.PAID && grant.paperworkPending()) {
      return "GRANT_PAPERWORK";
    }
    return null;
  }

  private static BigDecimal checkedAmount(String field, @Nullable BigDecimal amount) {
    String problem = FundRules.moneyProblem(amount, false, FundRules.MAX_GRANT);
    if (problem != null) {
      throw new ValidationException(field, problem, FundRules.MAX_GRANT.toPlainString());
    }
    return amount.setScale(2);
  }

  /** The grant with its timeline (who did each step by name), papers and household. */
  Grant detail(long id) {
    Grant grant = store.grant(id, false).orElseThrow(ProblemException::notFound);
    List<GrantEvent> history = store.history(id);
    Set<String> names = new HashSet<>();
    history.forEach(event -> names.add(event.actor()));
    Map<String, Person> people = people(names);
    return grant.withDetail(
        history.stream().map(event -> event.withActor(people.get(event.actor()))).toList(),
        store.attachments(id),
        store.household(store.householdOf(id), id));
  }

  private Map<String, Person> people(Set<String> usernames) {
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

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  static void mayRead(TenantContext context) {
    if (!FundPermissions.mayRead(context.caller())) {
      throw ProblemException.forbidden();
    }
  }

  static void mayDo(TenantContext context, Action action) {
    if (!FundPermissions.mayDo(context.caller(), action)) {
      throw ProblemException.forbidden();
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
