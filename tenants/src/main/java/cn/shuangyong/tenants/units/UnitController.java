package cn.shuangyong.tenants.units;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;

/** Garrison units and responsible units of one tenant ({@code api-contract.md}, "Units"). */
@Controller("/api/v1/tenants/{tenant}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Units")
public class UnitController {
  private static final Set<String> SORTABLE = Set.of("name", "id", "createdAt");
  private final UnitService units;

  UnitController(UnitService units) {
    this.units = units;
  }

  @Get("/garrison-units")
  public PageResponse<GarrisonUnit> listGarrisonUnits(
      Authentication authentication,
      String tenant,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    Page<GarrisonUnit> result =
        units.listGarrisonUnits(
            CurrentUser.from(authentication),
            tenant,
            q,
            PageParameters.of(page, size, sort, SORTABLE));
    return new PageResponse<>(result.getContent(), result.getTotalSize(), page, size);
  }

  @Get("/garrison-units/{id}")
  public GarrisonUnit garrisonUnit(Authentication authentication, String tenant, long id) {
    return units.findGarrisonUnit(CurrentUser.from(authentication), tenant, id);
  }

  @Post("/garrison-units")
  public HttpResponse<GarrisonUnit> createGarrisonUnit(
      Authentication authentication, String tenant, @Body @Valid GarrisonUnitForm form) {
    GarrisonUnit created = units.createGarrisonUnit(CurrentUser.from(authentication), tenant, form);
    return HttpResponse.created(
        created, URI.create("/api/v1/tenants/" + tenant + "/garrison-units/" + created.id()));
  }

  @Put("/garrison-units/{id}")
  public GarrisonUnit updateGarrisonUnit(
      Authentication authentication, String tenant, long id, @Body @Valid GarrisonUnitForm form) {
    return units.updateGarrisonUnit(CurrentUser.from(authentication), tenant, id, form);
  }

  @Delete("/garrison-units/{id}")
  public HttpResponse<Void> deleteGarrisonUnit(
      Authentication authentication, String tenant, long id) {
    units.deleteGarrisonUnit(CurrentUser.from(authentication), tenant, id);
    return HttpResponse.noContent();
  }

  @Get("/responsible-units")
  public PageResponse<ResponsibleUnit> listResponsibleUnits(
      Authentication authentication,
      String tenant,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    Page<ResponsibleUnit> result =
        units.listResponsibleUnits(
            CurrentUser.from(authentication),
            tenant,
            q,
            PageParameters.of(page, size, sort, SORTABLE));
    return new PageResponse<>(result.getContent(), result.getTotalSize(), page, size);
  }

  @Get("/responsible-units/{id}")
  public ResponsibleUnit responsibleUnit(Authentication authentication, String tenant, long id) {
    return units.findResponsibleUnit(CurrentUser.from(authentication), tenant, id);
  }

  @Post("/responsible-units")
  public HttpResponse<ResponsibleUnit> createResponsibleUnit(
      Authentication authentication, String tenant, @Body @Valid ResponsibleUnitForm form) {
    ResponsibleUnit created =
        units.createResponsibleUnit(CurrentUser.from(authentication), tenant, form);
    return HttpResponse.created(
        created, URI.create("/api/v1/tenants/" + tenant + "/responsible-units/" + created.id()));
  }

  @Put("/responsible-units/{id}")
  public ResponsibleUnit updateResponsibleUnit(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid ResponsibleUnitForm form) {
    return units.updateResponsibleUnit(CurrentUser.from(authentication), tenant, id, form);
  }

  @Delete("/responsible-units/{id}")
  public HttpResponse<Void> deleteResponsibleUnit(
      Authentication authentication, String tenant, long id) {
    units.deleteResponsibleUnit(CurrentUser.from(authentication), tenant, id);
    return HttpResponse.noContent();
  }
}
