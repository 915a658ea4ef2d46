package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/audit}: the platform admin sees all, a city admin its tenant, a supervisor its
 * region.
 */
@Controller("/api/v1/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
@ApiProblems
public class AuditController {
  private final AuditLog audit;
  private final TenantDirectory tenants;

  AuditController(AuditLog audit, TenantDirectory tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  /** Searches the audit trail (platform admin; a supervisor its region). */
  @Get
  public PageResponse<AuditEvent> search(
      Authentication authentication,
      @Nullable @QueryValue String tenant,
      @Nullable @QueryValue String user,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue Instant from,
      @Nullable @QueryValue Instant to,
      @QueryValue(defaultValue = "0") @Min(0) int page,
      @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
    CurrentUser caller = CurrentUser.from(authentication);
    List<String> scope;
    if (caller.has(Role.PLATFORM_ADMIN)) {
      scope = null;
    } else if (caller.has(Role.SUPERVISOR)) {
      scope = tenants.visibleTo(caller).stream().map(Tenant::code).toList();
    } else if (caller.has(Role.CITY_ADMIN) && caller.tenant() != null) {
      scope = List.of(caller.tenant());
    } else {
      throw ProblemException.forbidden();
    }
    AuditLog.Page result =
        audit.search(new AuditLog.Query(scope, tenant, user, action, from, to), page, size);
    return new PageResponse<>(result.items(), result.total(), page, size);
  }
}
