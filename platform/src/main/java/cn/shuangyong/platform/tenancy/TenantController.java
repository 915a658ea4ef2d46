package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Tenants and regions ({@code api-contract.md}, "Tenants and regions"). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tenants")
@ApiProblems
public class TenantController {
  private final TenantDirectory directory;

  TenantController(TenantDirectory directory) {
    this.directory = directory;
  }

  @Serdeable
  public record TenantView(
      String code,
      String name,
      AdministrativeLevel level,
      String region,
      @Nullable String parent,
      TenantStatus status,
      @Nullable String schemaVersion,
      @Nullable String statusDetail,
      @Nullable String regionName,
      @Nullable String parentName) {
    /** Without the schema's version and the cause of a failure (for platform admins only). */
    static TenantView of(Tenant tenant, Map<String, String> regionNames) {
      return new TenantView(
          tenant.code(),
          tenant.name(),
          tenant.level(),
          tenant.regionCode(),
          tenant.parentCode(),
          tenant.status(),
          null,
          null,
          regionNames.get(tenant.regionCode()),
          tenant.parentCode() == null ? null : regionNames.get(tenant.parentCode()));
    }

    /** With the schema's version and, for a FAILED tenant, why its migration failed. */
    static TenantView forOperator(Tenant tenant, Map<String, String> regionNames) {
      return new TenantView(
          tenant.code(),
          tenant.name(),
          tenant.level(),
          tenant.regionCode(),
          tenant.parentCode(),
          tenant.status(),
          tenant.schemaVersion(),
          tenant.statusDetail(),
          regionNames.get(tenant.regionCode()),
          tenant.parentCode() == null ? null : regionNames.get(tenant.parentCode()));
    }

    static TenantView of(Tenant tenant, CurrentUser user, Map<String, String> regionNames) {
      return user.has(Role.PLATFORM_ADMIN)
          ? forOperator(tenant, regionNames)
          : of(tenant, regionNames);
    }
  }

  @Serdeable
  public record CreateTenant(
      @NotBlank String code,
      @NotBlank @Size(max = 100) String name,
      @NotNull AdministrativeLevel level,
      @Nullable @Size(max = 31) String parent,
      @Nullable @Size(max = 12) String adcode) {}

  /** The tenants the caller may see. */
  @Get("/tenants")
  public List<TenantView> listTenants(Authentication authentication) {
    CurrentUser user = CurrentUser.from(authentication);
    Map<String, String> regionNames = directory.regionNames();
    return directory.visibleTo(user).stream()
        .map(tenant -> TenantView.of(tenant, user, regionNames))
        .toList();
  }

  /** Provisions a new tenant (platform admin). */
  @Idempotent
  @Post("/tenants")
  public HttpResponse<TenantView> create(
      Authentication authentication, @Body @Valid CreateTenant body) {
    Tenant tenant =
        directory.create(
            CurrentUser.from(authentication),
            new TenantCode(body.code()),
            body.name().trim(),
            body.level(),
            body.parent(),
            body.adcode());
    return HttpResponse.created(
        TenantView.forOperator(tenant, directory.regionNames()),
        URI.create("/api/v1/tenants/" + tenant.code()));
  }

  /**
   * Migrates a tenant's schema again (platform admin), e.g. a FAILED one once the cause shown in
   * its statusDetail is removed; no restart needed. Answers the tenant as the registry has it
   * afterwards: ACTIVE, or FAILED with the new cause. Audited (TENANT_MIGRATE).
   */
  @ApiResponse(
      responseCode = "409",
      description = "The tenant is suspended",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/tenants/{code}/migration")
  public TenantView migrate(Authentication authentication, @PathVariable String code) {
    return TenantView.forOperator(
        directory.migrateAgain(CurrentUser.from(authentication), code), directory.regionNames());
  }

  /** The tenants below a region the caller oversees. */
  @Get("/regions/{code}/tenants")
  public List<TenantView> inRegion(Authentication authentication, @PathVariable String code) {
    Map<String, String> regionNames = directory.regionNames();
    return directory.inRegion(CurrentUser.from(authentication), code).stream()
        .map(tenant -> TenantView.of(tenant, regionNames))
        .toList();
  }
}
