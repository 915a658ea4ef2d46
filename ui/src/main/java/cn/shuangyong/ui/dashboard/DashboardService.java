package cn.shuangyong.ui.dashboard;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.needs.api.NeedIndicators;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.security.TenantAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The figures of each role's dashboard, gathered from the feature services. */
@Singleton
public class DashboardService {
  private final TenantDirectory tenants;
  private final UserDirectory users;
  private final UnitService units;
  private final NeedIndicators needs;
  private final NeedService needList;
  private final JsonMapper json;

  private final TenantAccess access;

  public DashboardService(
      TenantAccess access,
      TenantDirectory tenants,
      UserDirectory users,
      UnitService units,
      NeedIndicators needs,
      NeedService needList,
      JsonMapper json) {
    this.access = access;
    this.tenants = tenants;
    this.users = users;
    this.units = units;
    this.needs = needs;
    this.needList = needList;
    this.json = json;
  }

  /** Platform operator: how much the platform holds. */
  public record PlatformFigures(int tenants, int regions, long users) {}

  /** A supervised tenant with its status and the national model-city titles it holds. */
  public record SupervisedTenant(Tenant tenant, @Nullable Integer nationalTitles) {}

  /** A city office's own figures. */
  public record CityFigures(
      String tenantName, int users, long garrisonUnits, long responsibleUnits) {}

  /**
   * What a liaison's or handler's list holds, by status and overdue: the totals of the needs list
   * as the service shows it to this caller (its unit's needs, or its unit's assignments), all
   * years.
   */
  public record OwnCounts(Map<Status, Long> byStatus, long overdue) {}

  public PlatformFigures platform(CurrentUser user) {
    requireRole(user, Role.PLATFORM_ADMIN);
    return new PlatformFigures(
        tenants.visibleTo(user).size(), tenants.regions().size(), users.count());
  }

  public List<SupervisedTenant> supervised(CurrentUser user) {
    requireRole(user, Role.SUPERVISOR);
    return tenants.visibleTo(user).stream()
        .map(tenant -> new SupervisedTenant(tenant, nationalTitles(tenant)))
        .toList();
  }

  public CityFigures city(CurrentUser user) {
    if (user.tenant() == null) {
      throw new IllegalArgumentException("not a city user: " + user.username());
    }
    String name = tenants.find(user.tenant()).map(Tenant::name).orElse(user.tenant());
    UnitService.UnitCounts counts = units.count(access.own());
    return new CityFigures(
        name,
        users.ofTenant(user.tenant()).size(),
        counts.garrisonUnits(),
        counts.responsibleUnits());
  }

  /** The city's 双清单 figures of the current year (completion, on-time, overdue, satisfaction). */
  public NeedIndicators.Figures needs(CurrentUser user, int year) {
    if (user.tenant() == null) {
      throw new IllegalArgumentException("not a city user: " + user.username());
    }
    return needs.figures(access.own(), year);
  }

  /** The caller's own list counted per status (one total query each) and its overdue ones. */
  public OwnCounts own(CurrentUser user, List<Status> statuses) {
    if (user.tenant() == null) {
      throw new IllegalArgumentException("not a city user: " + user.username());
    }
    Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    for (Status status : statuses) {
      byStatus.put(status, total(new NeedQuery(status, null, null, null, null, false, null)));
    }
    long overdue = total(new NeedQuery(null, null, null, null, null, true, null));
    return new OwnCounts(byStatus, overdue);
  }

  private long total(NeedQuery query) {
    return needList.list(access.own(), query, 0, 1, null, false).total();
  }

  private static void requireRole(CurrentUser user, Role role) {
    if (!user.has(role)) {
      throw new IllegalArgumentException(user.username() + " lacks " + role);
    }
  }

  private @Nullable Integer nationalTitles(Tenant tenant) {
    try {
      Map<?, ?> facts = json.readValue(tenant.facts(), Map.class);
      Object titles = facts == null ? null : facts.get("national_titles");
      return titles instanceof Number number ? number.intValue() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
