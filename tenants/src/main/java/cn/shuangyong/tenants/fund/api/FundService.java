package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.platform.web.ValidationException.FieldError;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.internal.FundStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The 帮扶基金 of one tenant: its standing (inflows, paid grants, balance = inflows − paid), the
 * inflows (财政拨款, 社会捐赠 with the donor) and the caps per household and year. The office and
 * supervisors read ({@link FundPermissions}); the office records inflows; the city admin sets the
 * caps. Each change takes the fund's lock, is audited inside its transaction and published ({@link
 * FundChanged}) after it commits; a refused input leaves nothing behind.
 */
@Singleton
public class FundService {
  private final TenantScope scope;
  private final FundStore store;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final Clock clock;

  FundService(
      TenantScope scope, FundStore store, TenantAudit audit, TenantEvents events, Clock clock) {
    this.scope = scope;
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The fund's standing with the caps. */
  public Fund fund(TenantContext context) {
    GrantService.mayRead(context);
    return scope.read(context, store::fund);
  }

  /** Records money into the fund (the office); 422 for a bad amount, a donation without donor. */
  public Inflow recordInflow(TenantContext context, @Valid FundCommands.RecordInflow command) {
    GrantService.mayDo(context, Action.RECORD_INFLOW);
    PlausibleDates.check("date", command.date());
    List<FieldError> errors = FundRules.check(command, today());
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String actor = context.caller().username();
    BigDecimal amount = command.amount().setScale(2);
    return scope.write(
        context,
        () -> {
          store.lockFund();
          Fund before = store.fund();
          long id =
              store.insertInflow(
                  command.date(),
                  amount,
                  command.source(),
                  blankToNull(command.donor()),
                  blankToNull(command.note()),
                  clock.instant(),
                  actor);
          Inflow inflow = store.inflow(id).orElseThrow();
          audit.record(
              context,
              "FUND_INFLOW_RECORD",
              "fund-inflow:" + id,
              standing(before),
              standing(store.fund()),
              command.source().name() + " " + amount.toPlainString());
          events.publish(
              context, new FundChanged(context.code(), Action.RECORD_INFLOW, null, null, null));
          return inflow;
        });
  }

  /** A page of the inflows, newest first, optionally of one year. */
  public InflowPage inflows(TenantContext context, @Nullable Integer year, int offset, int limit) {
    GrantService.mayRead(context);
    return scope.read(
        context, () -> store.inflows(year, Math.max(offset, 0), Math.max(1, Math.min(limit, 200))));
  }

  /** The caps per household and year. */
  public GrantCaps caps(TenantContext context) {
    GrantService.mayRead(context);
    return scope.read(context, store::caps);
  }

  /**
   * Sets the caps (the city admin): each above zero, two decimals, minimum ≤ maximum ≤ special
   * maximum (422 otherwise). Grants approved already keep their amounts.
   */
  public GrantCaps setCaps(TenantContext context, @Valid FundCommands.SetCaps command) {
    GrantService.mayDo(context, Action.SET_CAPS);
    List<FieldError> errors = FundRules.check(command);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    GrantCaps caps =
        new GrantCaps(
            command.minAmount().setScale(2),
            command.maxAmount().setScale(2),
            command.specialMaxAmount().setScale(2));
    return scope.write(
        context,
        () -> {
          GrantCaps before = store.lockFund();
          store.setCaps(caps, clock.instant(), context.caller().username());
          audit.record(context, "FUND_CAPS_SET", "fund:caps", before, caps);
          events.publish(
              context, new FundChanged(context.code(), Action.SET_CAPS, null, null, null));
          return store.caps();
        });
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  /** The fund's figures as the audit keeps them. */
  private static java.util.Map<String, Object> standing(Fund fund) {
    return java.util.Map.of(
        "inflows", fund.inflows().toPlainString(),
        "paid", fund.paid().toPlainString(),
        "balance", fund.balance().toPlainString());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
