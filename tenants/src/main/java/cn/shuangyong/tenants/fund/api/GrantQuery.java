package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import io.micronaut.core.annotation.Nullable;

/**
 * The grants list's filters, each optional. {@code text} matches the applicant's name and the
 * reason word by word; a whole 18-character ID number finds that household's grants (by the keyed
 * digest, never by decrypting). {@code paidFirst} keeps the grants paid before their paperwork.
 */
public record GrantQuery(
    @Nullable Status status,
    @Nullable Integer year,
    @Nullable ApplicantType applicantType,
    @Nullable String text,
    @Nullable Boolean paidFirst) {
  public static final GrantQuery ALL = new GrantQuery(null, null, null, null, null);
}
