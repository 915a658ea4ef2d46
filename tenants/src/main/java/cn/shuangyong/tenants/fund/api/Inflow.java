package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money into the fund: 财政拨款 or 社会捐赠 from {@code donor}. */
@Serdeable
public record Inflow(
    long id,
    int year,
    LocalDate date,
    BigDecimal amount,
    InflowSource source,
    @Nullable String donor,
    @Nullable String note,
    Instant createdAt,
    String createdBy) {}
