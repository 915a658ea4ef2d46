package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.budgets.api.BudgetPermissions.Action;
import cn.shuangyong.tenants.budgets.internal.BudgetStore;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The vouchers (凭证) of expenditures, through the attachments kit: the type is decided by the bytes
 * and the container (an {@code .exe} named {@code .pdf} is refused, 422), the size is capped, the
 * bytes are kept per tenant. Keeping a voucher makes its expenditure evidenced; only then does it
 * count as budgeted and paid in the criteria's sense (criteria.md, item 5).
 */
@Singleton
public class ExpenditureVouchers {
  private final TenantScope scope;
  private final BudgetService budgets;
  private final BudgetStore store;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final Clock clock;

  ExpenditureVouchers(
      TenantScope scope,
      BudgetService budgets,
      BudgetStore store,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      TenantAudit audit,
      TenantEvents events,
      Clock clock) {
    this.scope = scope;
    this.budgets = budgets;
    this.store = store;
    this.storage = storage;
    this.contentTypes = contentTypes;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** A downloaded voucher: its metadata and bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  /**
   * Keeps a voucher for an expenditure (the office) and answers the expenditure, now evidenced. The
   * file is checked before anything is written.
   */
  public Expenditure attach(
      TenantContext context, long expenditureId, String fileName, byte[] content) {
    BudgetService.mayRead(context);
    BudgetService.mayDo(context, Action.ATTACH_VOUCHER);
    String type = contentTypes.check(content);
    String name = contentTypes.fileName(fileName, type);
    return scope.write(
        context,
        () -> {
          Expenditure expenditure =
              store.findExpenditure(expenditureId, true).orElseThrow(ProblemException::notFound);
          String key = storage.store(context, "vouchers", content);
          Attachment voucher =
              store.insertVoucher(
                  expenditureId,
                  name,
                  type,
                  content.length,
                  key,
                  clock.instant(),
                  context.caller().username());
          store.markEvidenced(expenditureId);
          audit.record(
              context,
              "EXPENDITURE_VOUCHER_ADD",
              "expenditure:" + expenditureId + "/voucher:" + voucher.id(),
              budgets.detail(
                  java.util.Map.of("evidenced", expenditure.evidenced()),
                  java.util.Map.of("evidenced", true, "fileName", name, "contentType", type)));
          events.publish(
              context,
              new BudgetChanged(
                  context.code(), expenditure.year(), Action.ATTACH_VOUCHER, expenditureId));
          return budgets.withVouchers(expenditureId);
        });
  }

  /** Downloads one voucher of an expenditure (404 unless both are this tenant's). */
  public Download download(TenantContext context, long expenditureId, long voucherId) {
    if (!BudgetPermissions.mayReadVouchers(context.caller())) {
      throw ProblemException.forbidden();
    }
    return scope.read(
        context,
        () -> {
          BudgetStore.VoucherRow row =
              store.voucher(expenditureId, voucherId).orElseThrow(ProblemException::notFound);
          return new Download(row.attachment(), storage.read(context, row.storageKey()));
        });
  }
}
