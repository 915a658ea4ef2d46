package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** 责任单位: a department, town/street or company that carries out tasks. */
@Serdeable
public record ResponsibleUnit(
    long id,
    String name,
    ResponsibleUnitKind kind,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    int version) {

  /** The same unit without its contact person, for a caller who may not reach it. */
  public ResponsibleUnit withoutContact() {
    return new ResponsibleUnit(
        id, name, kind, null, null, sample, createdAt, createdBy, updatedAt, updatedBy, version);
  }
}
