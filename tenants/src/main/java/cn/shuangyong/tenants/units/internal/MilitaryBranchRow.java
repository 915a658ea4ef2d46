package cn.shuangyong.tenants.units.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code military_branch}: what {@link cn.shuangyong.tenants.units.api.MilitaryBranch} is
 * read from.
 */
@MappedEntity("military_branch")
public record MilitaryBranchRow(
    @Id String code, String nameZh, String nameEn, int displayOrder, boolean active) {}
