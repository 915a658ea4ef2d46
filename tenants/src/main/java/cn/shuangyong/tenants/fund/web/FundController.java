package cn.shuangyong.tenants.fund.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.tenants.fund.api.Fund;
import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundService;
import cn.shuangyong.tenants.fund.api.GrantCaps;
import cn.shuangyong.tenants.fund.api.Inflow;
import cn.shuangyong.tenants.fund.api.InflowPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;

/**
 * The 帮扶基金 ({@code api-contract.md}, grants and fund): its standing ({@code inflows}, {@code paid},
 * {@code balance}), the money that comes in and the caps per household and year. The office and
 * supervisors read; the office records inflows; the city admin sets the caps.
 */
@Controller("/api/v1/tenants/{tenant}/fund")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Assistance fund")
@ApiProblems
public class FundController {
  private final FundService fund;

  FundController(FundService fund) {
    this.fund = fund;
  }

  /**
   * The fund's standing: every inflow, every grant paid and the balance (always inflows − paid),
   * with the inflows by source and the caps.
   */
  @Get
  public Fund findFund(@TenantPath TenantContext context) {
    return fund.fund(context);
  }

  /** Records money into the fund: 财政拨款 (FISCAL) or 社会捐赠 (DONATION, with the donor). */
  @ApiResponse(
      responseCode = "201",
      description = "Recorded",
      headers = @Header(name = "Location", description = "The fund's inflows"),
      content = @Content(schema = @Schema(implementation = Inflow.class)))
  @Idempotent
  @Post("/inflows")
  public HttpResponse<Inflow> recordFundInflow(
      @TenantPath TenantContext context, @Body @Valid FundCommands.RecordInflow body) {
    Inflow inflow = fund.recordInflow(context, body);
    return HttpResponse.created(
        inflow, URI.create("/api/v1/tenants/" + context.code().value() + "/fund/inflows"));
  }

  /** A page of the inflows, newest first, optionally of one year. */
  @Get("/inflows")
  public PageResponse<Inflow> listFundInflows(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size) {
    var pageable = PageParameters.of(page, size, null, java.util.Set.of());
    InflowPage result = fund.inflows(context, year, (int) pageable.getOffset(), pageable.getSize());
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** The caps per household and calendar year (minimum, maximum, special maximum). */
  @Get("/caps")
  public GrantCaps findGrantCaps(@TenantPath TenantContext context) {
    return fund.caps(context);
  }

  /** Sets the caps (the city admin): minimum ≤ maximum ≤ special maximum. */
  @Put("/caps")
  public GrantCaps setGrantCaps(
      @TenantPath TenantContext context, @Body @Valid FundCommands.SetCaps body) {
    return fund.setCaps(context, body);
  }
}
