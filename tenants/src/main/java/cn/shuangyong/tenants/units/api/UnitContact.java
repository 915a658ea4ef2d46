package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A unit's contact person in plain: what {@code GET …/garrison-units/{id}/contact} (and the
 * responsible units') answers to the city office, each answer audited as {@code
 * PERSONAL_DATA_UNMASKED}. Lists and details show the phone masked.
 */
@Serdeable
public record UnitContact(@Nullable String contactName, @Nullable String contactPhone) {}
