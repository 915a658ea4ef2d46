package cn.shuangyong.platform.identity;

/** The roles of {@code api-contract.md}; each user holds one or more. */
public enum Role {
  PLATFORM_ADMIN,
  /** Province or prefecture: read-only on every tenant of its region subtree, may supervise. */
  SUPERVISOR,
  CITY_ADMIN,
  CITY_STAFF,
  /** Bound to one responsible unit of its tenant. */
  UNIT_HANDLER,
  /** Bound to one garrison unit of its tenant. */
  GARRISON_LIAISON;

  /** Roles that work inside their own tenant. */
  public boolean isTenantRole() {
    return this == CITY_ADMIN
        || this == CITY_STAFF
        || this == UNIT_HANDLER
        || this == GARRISON_LIAISON;
  }
}
