package cn.shuangyong.tenants.needs.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A garrison unit as the needs see it: an id and the name an import row gives. */
@MappedEntity("garrison_unit")
public record GarrisonUnitName(@Id long id, String name) {}
