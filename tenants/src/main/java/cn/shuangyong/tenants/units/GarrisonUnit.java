package cn.shuangyong.tenants.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** 驻军单位: a troop unit stationed in the tenant, often under a cover name (驻平某部). */
@Serdeable
@MappedEntity("garrison_unit")
public record GarrisonUnit(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    Branch branch,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Version @Nullable Integer version) {}
