package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The inputs of the fund and its grants, as the API and the UI send them. Shape errors (missing,
 * too long) are 400; money, ID numbers, phones, household sizes and the caps are checked by {@link
 * FundRules} and the services and answer 422 in the caller's language.
 */
public final class FundCommands {
  private FundCommands() {}

  /** Money into the fund: 财政拨款 (FISCAL) or 社会捐赠 (DONATION, the donor named). */
  @Serdeable
  public record RecordInflow(
      @NotNull LocalDate date,
      @Nullable BigDecimal amount,
      @NotNull InflowSource source,
      @Nullable @Size(max = 200) String donor,
      @Nullable @Size(max = 2000) String note) {}

  /**
   * An application for a grant, recorded by the office. {@code special} (特殊困难) needs a {@code
   * specialReason} and raises the household's cap to the special maximum; {@code urgent} (急难) needs
   * an {@code urgentReason} and lets the county pay before the paperwork is done.
   */
  @Serdeable
  public record Apply(
      @NotBlank @Size(max = 50) String applicantName,
      @NotNull ApplicantType applicantType,
      @NotBlank @Size(max = 40) String idNumber,
      @NotBlank @Size(max = 40) String phone,
      @Nullable Integer householdSize,
      @Nullable BigDecimal income12Months,
      @NotBlank @Size(max = 2000) String reason,
      @Nullable BigDecimal requestedAmount,
      @Nullable Boolean special,
      @Nullable @Size(max = 2000) String specialReason,
      @Nullable Boolean urgent,
      @Nullable @Size(max = 2000) String urgentReason) {

    public boolean isSpecial() {
      return Boolean.TRUE.equals(special);
    }

    public boolean isUrgent() {
      return Boolean.TRUE.equals(urgent);
    }
  }

  /** The town/street review: {@code approve} true → REVIEWED, false → REJECTED (sent back). */
  @Serdeable
  public record Review(@NotNull Boolean approve, @NotBlank @Size(max = 2000) String note) {}

  /** The county office's approval of an amount (within the household's cap of the year). */
  @Serdeable
  public record Approve(@Nullable BigDecimal amount, @Nullable @Size(max = 2000) String note) {}

  /** The county office's refusal; the reason is required and shown to the applicant's file. */
  @Serdeable
  public record Reject(@NotBlank @Size(max = 2000) String reason) {}

  /**
   * The payment: the day and the bank or voucher reference. An approved grant is paid its approved
   * amount; an urgent one paid first is paid {@code amount} (its requested amount when absent).
   */
  @Serdeable
  public record Pay(
      @NotNull LocalDate paidOn,
      @NotBlank @Size(max = 100) String reference,
      @Nullable BigDecimal amount) {}

  /** The paperwork of a grant paid first is complete (what was handed in, in the note). */
  @Serdeable
  public record CompletePaperwork(@NotBlank @Size(max = 2000) String note) {}

  /** The tenant's caps per household and calendar year. */
  @Serdeable
  public record SetCaps(
      @Nullable BigDecimal minAmount,
      @Nullable BigDecimal maxAmount,
      @Nullable BigDecimal specialMaxAmount) {}
}
