package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions.Action;
import cn.shuangyong.tenants.budgets.internal.BudgetStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 双拥工作经费 of one tenant: a year's budget by category, the expenditures booked on its lines and
 * the budget against what was spent. Reading is for the office and supervisors ({@link
 * BudgetPermissions}); the city admin sets the budget, the office records what is spent. Every
 * change is audited inside its own transaction (with the lines before and after) and published
 * ({@link BudgetChanged}) after it commits; a refused input leaves nothing behind.
 */
@Singleton
public class BudgetService {
  private final TenantScope scope;
  private final BudgetStore store;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final JsonMapper json;
  private final Clock clock;

  BudgetService(
      TenantScope scope,
      BudgetStore store,
      TenantAudit audit,
      TenantEvents events,
      JsonMapper json,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** The categories of budget lines, in their order. */
  public List<BudgetCategory> categories(TenantContext context) {
    mayRead(context);
    return scope.read(context, store::categories);
  }

  /** Adds a category (the city admin); 409 when one of that name exists already. */
  public BudgetCategory addCategory(TenantContext context, @Valid BudgetCommands.AddCategory add) {
    mayDo(context, Action.ADD_CATEGORY);
    String name = add.name().trim();
    if (name.isEmpty()) {
      throw new ValidationException("name", "budget.category.required");
    }
    return scope.write(
        context,
        () -> {
          if (category(name).isPresent()) {
            throw ProblemException.conflict("budget.category.exists", name);
          }
          long id = store.addCategory(name);
          audit.record(context, "BUDGET_CATEGORY_ADD", "budget-category:" + id, detail(null, name));
          return store.categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        });
  }

  /** The year's budget against its spending, with the growth over the previous year. */
  public Budget find(TenantContext context, int year) {
    mayRead(context);
    checkYear(year);
    return scope.read(context, () -> budget(year));
  }

  /**
   * Sets the year's budget (the city admin): the lines given replace the ones kept. A category the
   * tenant does not have, a category given twice, an invalid amount, or dropping a line that has
   * expenditures is 422 and changes nothing.
   */
  public Budget set(TenantContext context, int year, @Valid BudgetCommands.SetBudget command) {
    mayDo(context, Action.SET_BUDGET);
    checkYear(year);
    List<FieldError> errors = BudgetRules.check(command);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String actor = context.caller().username();
    return scope.write(
        context,
        () -> {
          Map<Long, BudgetStore.LineRow> kept = store.lockLines(year);
          Map<String, BigDecimal> before = amounts(kept.values());
          Map<Long, BigDecimal> wanted = wantedLines(command);
          Instant now = clock.instant();
          for (BudgetStore.LineRow line : kept.values()) {
            if (!wanted.containsKey(line.categoryId())) {
              if (store.lineHasExpenditures(line.id())) {
                throw new ValidationException(
                    "lines", "budget.line.in-use", line.category(), String.valueOf(year));
              }
              store.deleteLine(line.id());
            }
          }
          wanted.forEach(
              (category, amount) -> {
                BudgetStore.LineRow line = kept.get(category);
                if (line == null) {
                  store.insertLine(year, category, amount, now, actor);
                } else if (line.amount().compareTo(amount) != 0) {
                  store.updateLine(line.id(), amount, now, actor);
                }
              });
          Budget after = budget(year);
          audit.record(context, "BUDGET_SET", "budget:" + year, detail(before, amounts(after)));
          events.publish(context, new BudgetChanged(context.code(), year, Action.SET_BUDGET, year));
          return after;
        });
  }

  /** Category id → amount of each line given; 422 naming the lines whose category is unknown. */
  private Map<Long, BigDecimal> wantedLines(BudgetCommands.SetBudget command) {
    Map<String, BudgetCategory> byName = new HashMap<>();
    store.categories().forEach(c -> byName.put(key(c.name()), c));
    Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < command.lines().size(); i++) {
      BudgetCommands.LineInput line = command.lines().get(i);
      BudgetCategory category = byName.get(key(line.category()));
      if (category == null) {
        errors.add(
            new FieldError(
                "lines[" + i + "].category", "budget.category.unknown", line.category().trim()));
      } else {
        wanted.put(category.id(), line.amount().setScale(2));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return wanted;
  }

  /**
   * Records an expenditure (the office) on the line of its category in the budget of its year. 422
   * for an invalid amount, a date outside that year, a category without a line in that year's
   * budget, a project or need this tenant does not have, and spending past the line's budget
   * without a reason. The line stays locked while it is checked, so two expenditures at once never
   * pass the budget between them.
   */
  public Expenditure record(
      TenantContext context, @Valid BudgetCommands.RecordExpenditure command) {
    mayDo(context, Action.RECORD_EXPENDITURE);
    PlausibleDates.check("date", command.date());
    List<FieldError> errors = BudgetRules.check(command);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    int year = command.year() == null ? command.date().getYear() : command.year();
    BigDecimal amount = command.amount().setScale(2);
    String category = command.category().trim();
    String reason = blankToNull(command.overBudgetReason());
    String actor = context.caller().username();
    return scope.write(
        context,
        () -> {
          BudgetStore.LineRow line =
              store.lockLine(year, category).orElseThrow(() -> noLine(year, category));
          checkReferences(command.projectId(), command.needId());
          BigDecimal spent = store.spentOnLine(line.id());
          FieldError over = BudgetRules.overBudget(line.amount(), spent, amount, reason);
          if (over != null) {
            throw new ValidationException(List.of(over));
          }
          long id =
              store.insertExpenditure(
                  new BudgetStore.NewExpenditure(
                      year,
                      line.id(),
                      command.date(),
                      amount,
                      command.payee().trim(),
                      command.purpose().trim(),
                      command.projectId(),
                      command.needId(),
                      spent.add(amount).compareTo(line.amount()) > 0 ? reason : null,
                      clock.instant(),
                      actor));
          Expenditure created = store.findExpenditure(id, false).orElseThrow();
          audit.record(
              context, "EXPENDITURE_RECORD", "expenditure:" + id, detail(null, snapshot(created)));
          events.publish(
              context, new BudgetChanged(context.code(), year, Action.RECORD_EXPENDITURE, id));
          return created;
        });
  }

  /**
   * A ledger recorded together (an import), inside the caller's tenant transaction: {@link
   * Ledger#check} takes each row by {@link #record}'s rules in order, counting the rows checked
   * above it against the budget, and {@link Ledger#commit} books them all. Each line is locked and
   * its spending read once, whatever the number of rows.
   */
  Ledger ledger(TenantContext context) {
    mayDo(context, Action.RECORD_EXPENDITURE);
    return new Ledger(context);
  }

  /** The rows of one import, checked one by one and booked together. */
  final class Ledger {
    private final TenantContext context;
    private final Map<String, Optional<BudgetStore.LineRow>> lines = new HashMap<>();
    private final Map<Long, BigDecimal> spent = new HashMap<>();
    private final List<BudgetStore.NewExpenditure> checked = new ArrayList<>();
    private final Map<Long, String> categories = new HashMap<>();
    private final Instant at = clock.instant();

    private Ledger(TenantContext context) {
      this.context = context;
    }

    /** Checks one row as {@link #record} would (the same 422s) and keeps it to be booked. */
    void check(BudgetCommands.RecordExpenditure command) {
      PlausibleDates.check("date", command.date());
      List<FieldError> errors = BudgetRules.check(command);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      int year = command.year() == null ? command.date().getYear() : command.year();
      BigDecimal amount = command.amount().setScale(2);
      String category = command.category().trim();
      String reason = blankToNull(command.overBudgetReason());
      BudgetStore.LineRow line =
          lines
              .computeIfAbsent(year + "\n" + key(category), k -> store.lockLine(year, category))
              .orElseThrow(() -> noLine(year, category));
      BigDecimal before = spent.computeIfAbsent(line.id(), store::spentOnLine);
      FieldError over = BudgetRules.overBudget(line.amount(), before, amount, reason);
      if (over != null) {
        throw new ValidationException(List.of(over));
      }
      spent.put(line.id(), before.add(amount));
      categories.put(line.id(), line.category());
      checked.add(
          new BudgetStore.NewExpenditure(
              year,
              line.id(),
              command.date(),
              amount,
              command.payee().trim(),
              command.purpose().trim(),
              null,
              null,
              before.add(amount).compareTo(line.amount()) > 0 ? reason : null,
              at,
              context.caller().username()));
    }

    /** Books every row checked, each audited, and publishes one change per year; how many. */
    int commit() {
      List<Long> ids = store.insertExpenditures(checked);
      List<TenantAudit.Change> entries = new ArrayList<>();
      Map<Integer, Long> years = new LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        BudgetStore.NewExpenditure e = checked.get(i);
        entries.add(
            new TenantAudit.Change(
                "expenditure:" + ids.get(i),
                detail(null, snapshot(e, categories.get(e.budgetLineId())))));
        years.put(e.year(), ids.get(i));
      }
      audit.recordAll(context, "EXPENDITURE_RECORD", entries);
      years.forEach(
          (year, last) ->
              events.publish(
                  context,
                  new BudgetChanged(context.code(), year, Action.RECORD_EXPENDITURE, last)));
      return ids.size();
    }
  }

  /** The audit snapshot of a booked row, as {@link #snapshot(Expenditure)} gives it. */
  private static Map<String, Object> snapshot(BudgetStore.NewExpenditure e, String category) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("year", e.year());
    fields.put("date", e.date().toString());
    fields.put("amount", e.amount().toPlainString());
    fields.put("category", category);
    fields.put("payee", e.payee());
    fields.put("purpose", e.purpose());
    if (e.overBudgetReason() != null) {
      fields.put("overBudgetReason", e.overBudgetReason());
    }
    return fields;
  }

  /** 422 naming the years that have a line of the category, or saying none has. */
  private ValidationException noLine(int year, String category) {
    if (category(category).isEmpty()) {
      return new ValidationException("category", "budget.category.unknown", category);
    }
    List<Integer> years = store.yearsWithCategory(category);
    return years.isEmpty()
        ? new ValidationException("category", "expenditure.no-line", String.valueOf(year), category)
        : new ValidationException(
            "category",
            "expenditure.no-line-in-year",
            String.valueOf(year),
            category,
            String.join(", ", years.stream().map(String::valueOf).toList()));
  }

  private void checkReferences(@Nullable Long projectId, @Nullable Long needId) {
    List<FieldError> errors = new ArrayList<>();
    if (projectId != null && !store.exists("project", projectId)) {
      errors.add(new FieldError("projectId", "expenditure.project.unknown"));
    }
    if (needId != null && !store.exists("need", needId)) {
      errors.add(new FieldError("needId", "expenditure.need.unknown"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** One expenditure with its vouchers (404 when this tenant has none of that id). */
  public Expenditure findExpenditure(TenantContext context, long id) {
    mayRead(context);
    return scope.read(context, () -> withVouchers(id));
  }

  /** The expenditure with its vouchers, inside a running tenant transaction. */
  Expenditure withVouchers(long id) {
    Expenditure expenditure =
        store.findExpenditure(id, false).orElseThrow(ProblemException::notFound);
    return expenditure.withVouchers(store.vouchers(id));
  }

  /** A page of the ledger, sorted by {@code sort} (default: newest date first). */
  public ExpenditurePage list(TenantContext context, ExpenditureQuery query, Pageable pageable) {
    Sort sort = pageable.getSort();
    String orderBy =
        sort.isSorted()
            ? BudgetStore.orderBy(
                sort.getOrderBy().get(0).getProperty(), sort.getOrderBy().get(0).isAscending())
            : BudgetStore.orderBy(null, false);
    return page(context, query, orderBy, (int) pageable.getOffset(), pageable.getSize());
  }

  /** The same page by offset and limit, for the UI. */
  public ExpenditurePage list(
      TenantContext context,
      ExpenditureQuery query,
      int offset,
      int limit,
      @Nullable String sortBy,
      boolean ascending) {
    return page(
        context,
        query,
        BudgetStore.orderBy(sortBy, ascending),
        Math.max(offset, 0),
        Math.max(1, Math.min(limit, 200)));
  }

  private ExpenditurePage page(
      TenantContext context, ExpenditureQuery query, String orderBy, int offset, int limit) {
    mayRead(context);
    return scope.read(context, () -> store.listExpenditures(query, orderBy, offset, limit));
  }

  /** Spending by month of the year, with the running total since January (all twelve months). */
  public List<MonthActual> months(TenantContext context, int year) {
    mayRead(context);
    checkYear(year);
    return scope.read(context, () -> months(year));
  }

  private List<MonthActual> months(int year) {
    Map<Integer, MonthActual> spent = new HashMap<>();
    store.months(year).forEach(m -> spent.put(m.month(), m));
    List<MonthActual> months = new ArrayList<>();
    BigDecimal cumulative = BigDecimal.ZERO.setScale(2);
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    for (int month = 1; month <= 12; month++) {
      MonthActual found = spent.get(month);
      BigDecimal inMonth = found == null ? zero : found.spent();
      cumulative = cumulative.add(inMonth);
      months.add(
          new MonthActual(month, inMonth, found == null ? zero : found.evidenced(), cumulative));
    }
    return months;
  }

  /** The year's budget figures, inside a running tenant transaction. */
  Budget budget(int year) {
    return Budget.of(year, store.lines(year), store.total(year - 1));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  static void mayRead(TenantContext context) {
    if (!BudgetPermissions.mayRead(context.caller())) {
      throw ProblemException.forbidden();
    }
  }

  static void mayDo(TenantContext context, Action action) {
    CurrentUser user = context.caller();
    if (!BudgetPermissions.mayDo(user, action)) {
      throw ProblemException.forbidden();
    }
  }

  private static void checkYear(int year) {
    if (!PlausibleDates.plausibleYear(year)) {
      throw new ValidationException("year", "budget.year.implausible");
    }
  }

  private Optional<BudgetCategory> category(String name) {
    return store.categories().stream().filter(c -> key(c.name()).equals(key(name))).findFirst();
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, BigDecimal> amounts(java.util.Collection<BudgetStore.LineRow> lines) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    lines.forEach(line -> amounts.put(line.category(), line.amount()));
    return amounts;
  }

  private static Map<String, BigDecimal> amounts(Budget budget) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    budget.lines().forEach(line -> amounts.put(line.category(), line.budgeted()));
    return amounts;
  }

  private static Map<String, Object> snapshot(Expenditure e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("year", e.year());
    fields.put("date", e.date().toString());
    fields.put("amount", e.amount().toPlainString());
    fields.put("category", e.category());
    fields.put("payee", e.payee());
    fields.put("purpose", e.purpose());
    if (e.projectId() != null) {
      fields.put("projectId", e.projectId());
    }
    if (e.needId() != null) {
      fields.put("needId", e.needId());
    }
    if (e.overBudgetReason() != null) {
      fields.put("overBudgetReason", e.overBudgetReason());
    }
    return fields;
  }

  /** The audit detail: {@code {"before": …, "after": …}} as JSON. */
  String detail(@Nullable Object before, @Nullable Object after) {
    Map<String, Object> detail = new LinkedHashMap<>();
    if (before != null) {
      detail.put("before", before instanceof Map<?, ?> map ? plain(map) : before);
    }
    if (after != null) {
      detail.put("after", after instanceof Map<?, ?> map ? plain(map) : after);
    }
    try {
      return json.writeValueAsString(detail);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Amounts as their exact decimal text, so the audit never reads money through a double. */
  private static Map<String, Object> plain(Map<?, ?> map) {
    Map<String, Object> plain = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            plain.put(
                String.valueOf(key),
                value instanceof BigDecimal amount ? amount.toPlainString() : value));
    return plain;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
