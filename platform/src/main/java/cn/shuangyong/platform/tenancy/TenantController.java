package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ApiProblems;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;

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
      TenantStatus status) {
    static TenantView of(Tenant tenant) {
      return new TenantView(
          tenant.code(),
          tenant.name(),
          tenant.level(),
          tenant.regionCode(),
          tenant.parentCode(),
          tenant.status());
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
    return directory.visibleTo(CurrentUser.from(authentication)).stream()
        .map(TenantView::of)
        .toList();
  }

  /** Provisions a new tenant (platform admin). */
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
        TenantView.of(tenant), URI.create("/api/v1/tenants/" + tenant.code()));
  }

  /** The tenants below a region the caller oversees. */
  @Get("/regions/{code}/tenants")
  public List<TenantView> inRegion(Authentication authentication, @PathVariable String code) {
    return directory.inRegion(CurrentUser.from(authentication), code).stream()
        .map(TenantView::of)
        .toList();
  }
}
