package cn.shuangyong.tenants.fund.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The fund's standing ({@code api-contract.md}: {@code {"inflows", "paid", "balance"}}): every
 * inflow ever received, every grant paid, and the balance, which is always {@code inflows − paid}
 * (a payment past the balance is refused). {@code fiscal} and {@code donated} split the inflows by
 * source; {@code grantsPaid} counts the grants paid; {@code caps} are the tenant's caps.
 */
@Serdeable
public record Fund(
    BigDecimal inflows,
    BigDecimal paid,
    BigDecimal balance,
    BigDecimal fiscal,
    BigDecimal donated,
    long grantsPaid,
    GrantCaps caps) {}
