package cn.shuangyong.platform.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** 行政区划: a node of the province → prefecture → county tree that tenants hang on. */
@MappedEntity("region")
public record Region(
    @Id String code,
    String name,
    AdministrativeLevel level,
    @Nullable String parentCode,
    String path,
    Instant createdAt) {

  /** True when {@code other} is this region or lies below it. */
  public boolean contains(Region other) {
    return other.path.equals(path) || other.path.startsWith(path + "/");
  }
}
