package cn.shuangyong.tenants.units.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A row of {@code garrison_unit}: what {@link cn.shuangyong.tenants.units.api.GarrisonUnit} is read
 * from.
 */
@MappedEntity("garrison_unit")
public record GarrisonUnitRow(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    String branch,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Version @Nullable Integer version) {}
