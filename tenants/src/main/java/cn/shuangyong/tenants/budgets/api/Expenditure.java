package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.tenants.attachments.api.Attachment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Money spent on a budget line: {@code evidenced} once a voucher (凭证) is kept for it; {@code
 * vouchers} are listed in the detail (empty in lists, where {@code voucherCount} says how many).
 * {@code overBudgetReason} says why it was spent past the line's budget.
 */
@Serdeable
public record Expenditure(
    long id,
    int year,
    LocalDate date,
    BigDecimal amount,
    long budgetLineId,
    String category,
    String payee,
    String purpose,
    @Nullable Long projectId,
    @Nullable String projectName,
    @Nullable Long needId,
    @Nullable String needTitle,
    @Nullable String overBudgetReason,
    boolean evidenced,
    int voucherCount,
    Instant createdAt,
    String createdBy,
    List<Attachment> vouchers) {

  public Expenditure withVouchers(List<Attachment> files) {
    return new Expenditure(
        id,
        year,
        date,
        amount,
        budgetLineId,
        category,
        payee,
        purpose,
        projectId,
        projectName,
        needId,
        needTitle,
        overBudgetReason,
        evidenced,
        voucherCount,
        createdAt,
        createdBy,
        files);
  }
}
