package cn.shuangyong.tenants.fund.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The tenant's standard per household and calendar year: an approval is at least {@code minAmount},
 * and the household's approved and paid grants of the year together at most {@code maxAmount}, or
 * {@code specialMaxAmount} for special hardship (Pinghu: 2,000 / 5,000 / 10,000).
 */
@Serdeable
public record GrantCaps(BigDecimal minAmount, BigDecimal maxAmount, BigDecimal specialMaxAmount) {}
