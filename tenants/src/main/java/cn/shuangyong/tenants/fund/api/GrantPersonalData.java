package cn.shuangyong.tenants.fund.api;

import io.micronaut.serde.annotation.Serdeable;

/** The applicant's ID number and phone in plain, answered only by an audited unmasking. */
@Serdeable
public record GrantPersonalData(String applicantName, String idNumber, String phone) {}
