package cn.shuangyong.tenants.units;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** 责任单位: a department, town/street or company that carries out tasks. */
@Serdeable
@MappedEntity("responsible_unit")
public record ResponsibleUnit(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    ResponsibleUnitKind kind,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Version @Nullable Integer version) {}
