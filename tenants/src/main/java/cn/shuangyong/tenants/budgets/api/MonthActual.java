package cn.shuangyong.tenants.budgets.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * One month of a year's spending: spent and evidenced in the month, and spent since January ({@code
 * cumulative}) to hold against the year's budget.
 */
@Serdeable
public record MonthActual(
    int month, BigDecimal spent, BigDecimal evidenced, BigDecimal cumulative) {}
