package cn.shuangyong.ui.units;

import io.micronaut.core.annotation.Nullable;

/** A unit as its grid shows it, whichever kind of unit it is. */
record UnitRow<K>(
    long id,
    String name,
    K kind,
    @Nullable String contactName,
    @Nullable String contactPhone,
    boolean sample) {}
