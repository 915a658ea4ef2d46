package cn.shuangyong.tenants.units.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * 驻军单位: a troop unit stationed in the tenant, often under a cover name (驻平某部). Its {@code branch}
 * is the code of one of the tenant's {@link MilitaryBranch}es (e.g. {@code ARMY}).
 */
@Serdeable
public record GarrisonUnit(
    long id,
    String name,
    String branch,
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
