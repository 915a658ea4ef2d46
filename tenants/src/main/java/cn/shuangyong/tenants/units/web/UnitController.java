package cn.shuangyong.tenants.units.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.MilitaryBranch;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnitForm;
import cn.shuangyong.tenants.units.api.UnitContact;
import cn.shuangyong.tenants.units.api.UnitService;
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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** Garrison units and responsible units of one tenant ({@code api-contract.md}, "Units"). */
@Controller("/api/v1/tenants/{tenant}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Units")
@ApiProblems
public class UnitController {
  private static final Set<String> SORTABLE = Set.of("name", "id", "createdAt");
  private final UnitService units;

  UnitController(UnitService units) {
    this.units = units;
  }

  /**
   * The tenant's garrison units. The contact person ({@code contactName}, {@code contactPhone}
   * masked, e.g. {@code 139****2345}) is answered to CITY_ADMIN, CITY_STAFF and SUPERVISOR, and to
   * a GARRISON_LIAISON for its own unit only; for any other caller and unit both fields are left
   * out. The plain phone: {@code GET …/garrison-units/{id}/contact}.
   */
  @Get("/garrison-units")
  public PageResponse<GarrisonUnit> listGarrisonUnits(
      @TenantPath TenantContext context,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    Page<GarrisonUnit> result =
        units.listGarrisonUnits(context, q, PageParameters.of(page, size, sort, SORTABLE));
    return new PageResponse<>(result.getContent(), result.getTotalSize(), page, size);
  }

  /**
   * The tenant's 军种/兵种 in display order: the codes a garrison unit's {@code branch} takes. A
   * retired branch (the 战略支援部队) is listed with {@code active: false} so that history reads;
   * creating or changing a unit with it, or with a code not listed, is a 422.
   */
  @Get("/military-branches")
  public List<MilitaryBranch> militaryBranches(@TenantPath TenantContext context) {
    return units.listBranches(context);
  }

  /** One garrison unit; its contact person as in the list (office, supervisors, own liaison). */
  @Get("/garrison-units/{id}")
  public GarrisonUnit garrisonUnit(@TenantPath TenantContext context, long id) {
    return units.findGarrisonUnit(context, id);
  }

  /**
   * The garrison unit's contact person in plain, audited. For CITY_ADMIN and CITY_STAFF only (403
   * for everyone else, 404 for another tenant); each answer is recorded in the audit trail as
   * PERSONAL_DATA_UNMASKED (显示). Lists and details answer the phone masked.
   */
  @Get("/garrison-units/{id}/contact")
  public UnitContact garrisonUnitContact(@TenantPath TenantContext context, long id) {
    return units.garrisonUnitContact(context, id);
  }

  /** Adds a garrison unit (city admin). */
  @Idempotent
  @Post("/garrison-units")
  public HttpResponse<GarrisonUnit> createGarrisonUnit(
      @TenantPath TenantContext context, @Body @Valid GarrisonUnitForm form) {
    GarrisonUnit created = units.createGarrisonUnit(context, form);
    return HttpResponse.created(
        created,
        URI.create(
            "/api/v1/tenants/" + context.code().value() + "/garrison-units/" + created.id()));
  }

  /** Changes a garrison unit (city admin). */
  @Put("/garrison-units/{id}")
  public GarrisonUnit updateGarrisonUnit(
      @TenantPath TenantContext context, long id, @Body @Valid GarrisonUnitForm form) {
    return units.updateGarrisonUnit(context, id, form);
  }

  /** Deletes a garrison unit no account or need refers to (city admin). */
  @ApiResponse(
      responseCode = "409",
      description = "Still referred to: the message names the bound accounts or the needs",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Delete("/garrison-units/{id}")
  public HttpResponse<Void> deleteGarrisonUnit(@TenantPath TenantContext context, long id) {
    units.deleteGarrisonUnit(context, id);
    return HttpResponse.noContent();
  }

  /**
   * The tenant's responsible units. The contact person ({@code contactName}, {@code contactPhone}
   * masked, e.g. {@code 0573-****0001}) is answered to CITY_ADMIN, CITY_STAFF and SUPERVISOR, and
   * to a UNIT_HANDLER for its own unit only; for any other caller and unit both fields are left
   * out. The plain phone: {@code GET …/responsible-units/{id}/contact}.
   */
  @Get("/responsible-units")
  public PageResponse<ResponsibleUnit> listResponsibleUnits(
      @TenantPath TenantContext context,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    Page<ResponsibleUnit> result =
        units.listResponsibleUnits(context, q, PageParameters.of(page, size, sort, SORTABLE));
    return new PageResponse<>(result.getContent(), result.getTotalSize(), page, size);
  }

  /** One responsible unit; its contact person as in the list (office, supervisors, own handler). */
  @Get("/responsible-units/{id}")
  public ResponsibleUnit responsibleUnit(@TenantPath TenantContext context, long id) {
    return units.findResponsibleUnit(context, id);
  }

  /**
   * The responsible unit's contact person in plain, audited. For CITY_ADMIN and CITY_STAFF only
   * (403 for everyone else, 404 for another tenant); each answer is recorded in the audit trail as
   * PERSONAL_DATA_UNMASKED (显示). Lists and details answer the phone masked.
   */
  @Get("/responsible-units/{id}/contact")
  public UnitContact responsibleUnitContact(@TenantPath TenantContext context, long id) {
    return units.responsibleUnitContact(context, id);
  }

  /** Adds a responsible unit (city admin). */
  @Idempotent
  @Post("/responsible-units")
  public HttpResponse<ResponsibleUnit> createResponsibleUnit(
      @TenantPath TenantContext context, @Body @Valid ResponsibleUnitForm form) {
    ResponsibleUnit created = units.createResponsibleUnit(context, form);
    return HttpResponse.created(
        created,
        URI.create(
            "/api/v1/tenants/" + context.code().value() + "/responsible-units/" + created.id()));
  }

  /** Changes a responsible unit (city admin). */
  @Put("/responsible-units/{id}")
  public ResponsibleUnit updateResponsibleUnit(
      @TenantPath TenantContext context, long id, @Body @Valid ResponsibleUnitForm form) {
    return units.updateResponsibleUnit(context, id, form);
  }

  /** Deletes a responsible unit no account or need refers to (city admin). */
  @ApiResponse(
      responseCode = "409",
      description = "Still referred to: the message names the bound accounts or the needs",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Delete("/responsible-units/{id}")
  public HttpResponse<Void> deleteResponsibleUnit(@TenantPath TenantContext context, long id) {
    units.deleteResponsibleUnit(context, id);
    return HttpResponse.noContent();
  }
}
