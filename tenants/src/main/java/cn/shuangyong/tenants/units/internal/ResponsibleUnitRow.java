package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.tenants.units.api.ResponsibleUnitKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * A row of {@code responsible_unit}: what {@link cn.shuangyong.tenants.units.api.ResponsibleUnit}
 * is read from.
 */
@MappedEntity("responsible_unit")
public record ResponsibleUnitRow(
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
