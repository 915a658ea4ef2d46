package cn.shuangyong.tenants.needs.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code need_category}. */
@MappedEntity("need_category")
public record NeedCategoryRow(
    @Id @GeneratedValue @Nullable Long id,
    String name,
    int sortOrder,
    boolean active,
    Instant createdAt,
    String createdBy) {}
