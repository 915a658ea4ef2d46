package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** 驻军单位: a troop unit stationed in the tenant, often under a cover name (驻平某部). */
@Serdeable
public record GarrisonUnit(
    long id,
    String name,
    Branch branch,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    int version) {

  /** The same unit without its contact person, for a caller who may not reach it. */
  public GarrisonUnit withoutContact() {
    return new GarrisonUnit(
        id, name, branch, null, null, sample, createdAt, createdBy, updatedAt, updatedBy, version);
  }
}
