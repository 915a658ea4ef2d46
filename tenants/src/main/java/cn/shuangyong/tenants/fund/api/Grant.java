package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One application for a grant (帮扶申请). {@code idNumber} and {@code phone} are always masked here
 * (330482********1234, 139****2345); the plain values only through the audited unmasking. {@code
 * paidFirst} marks an urgent case paid before its review or approval (先行支付); {@code
 * paperworkPending} stays true until its paperwork is completed (待补材料). The detail carries the
 * timeline ({@code history}), the papers ({@code attachments}) and the household's other grants;
 * lists leave them empty.
 */
@Serdeable
public record Grant(
    long id,
    int year,
    String applicantName,
    ApplicantType applicantType,
    String idNumber,
    String phone,
    int householdSize,
    BigDecimal income12Months,
    String reason,
    BigDecimal requestedAmount,
    boolean special,
    @Nullable String specialReason,
    boolean urgent,
    @Nullable String urgentReason,
    Status status,
    @Nullable String reviewNote,
    @Nullable BigDecimal approvedAmount,
    @Nullable String rejectReason,
    @Nullable BigDecimal paidAmount,
    @Nullable LocalDate paidOn,
    @Nullable String paidReference,
    boolean paidFirst,
    boolean paperworkPending,
    int attachmentCount,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    @Nullable List<GrantEvent> history,
    @Nullable List<Attachment> attachments,
    @Nullable List<HouseholdGrant> householdGrants) {

  public Grant withDetail(
      List<GrantEvent> timeline, List<Attachment> files, List<HouseholdGrant> household) {
    return new Grant(
        id,
        year,
        applicantName,
        applicantType,
        idNumber,
        phone,
        householdSize,
        income12Months,
        reason,
        requestedAmount,
        special,
        specialReason,
        urgent,
        urgentReason,
        status,
        reviewNote,
        approvedAmount,
        rejectReason,
        paidAmount,
        paidOn,
        paidReference,
        paidFirst,
        paperworkPending,
        attachmentCount,
        createdAt,
        createdBy,
        updatedAt,
        timeline,
        files,
        household);
  }

  /** Another grant of the same household (the same ID number), for the applicant's file. */
  @Serdeable
  public record HouseholdGrant(
      long id, int year, Status status, BigDecimal requestedAmount, @Nullable BigDecimal amount) {}
}
