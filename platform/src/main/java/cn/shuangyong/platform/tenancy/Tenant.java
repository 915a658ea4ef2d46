package cn.shuangyong.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** A city or county 双拥办 workspace, registered in the platform; its data lives in its schema. */
@MappedEntity("tenant")
public record Tenant(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    @Nullable String adcode,
    String name,
    AdministrativeLevel level,
    String regionCode,
    @Nullable String parentCode,
    TenantStatus status,
    @Nullable String schemaVersion,
    @Nullable String statusDetail,
    String facts,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    @Version @Nullable Integer version) {

  public TenantCode tenantCode() {
    return new TenantCode(code);
  }
}
