package cn.shuangyong.tenants.budgets.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.tenants.budgets.api.Budget;
import cn.shuangyong.tenants.budgets.api.BudgetCategory;
import cn.shuangyong.tenants.budgets.api.BudgetChart;
import cn.shuangyong.tenants.budgets.api.BudgetCommands;
import cn.shuangyong.tenants.budgets.api.BudgetService;
import cn.shuangyong.tenants.budgets.api.MonthActual;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import java.util.List;

/**
 * The 双拥工作经费 ({@code api-contract.md}, Budgets): a year's budget by category, set by the city admin
 * and read by the office and supervisors with what was spent on each line, by month too, and the
 * categories of the lines.
 */
@Controller("/api/v1/tenants/{tenant}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Budgets")
@ApiProblems
public class BudgetController {
  private final BudgetService budgets;
  private final BudgetChart chart;
  private final Messages messages;

  BudgetController(BudgetService budgets, BudgetChart chart, Messages messages) {
    this.budgets = budgets;
    this.chart = chart;
    this.messages = messages;
  }

  /**
   * Sets a year's budget (the city admin): the lines given, one per category, replace the kept
   * ones.
   */
  @Put("/budgets/{year}")
  public Budget setBudget(
      @TenantPath TenantContext context,
      @PathVariable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) int year,
      @Body @Valid BudgetCommands.SetBudget body) {
    return budgets.set(context, year, body);
  }

  /**
   * A year's budget against its spending: each line's budgeted, spent, evidenced and remaining
   * amounts and its growth over the previous year, with the year's totals.
   */
  @Get("/budgets/{year}")
  public Budget findBudget(
      @TenantPath TenantContext context,
      @PathVariable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) int year) {
    return budgets.find(context, year);
  }

  /** A year's spending by month (all twelve), with the running total since January. */
  @Get("/budgets/{year}/months")
  public List<MonthActual> budgetMonths(
      @TenantPath TenantContext context,
      @PathVariable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) int year) {
    return budgets.months(context, year);
  }

  /** The budget against actual by line and by month, drawn on the server as one SVG image. */
  @ApiResponse(
      responseCode = "200",
      description = "The chart",
      content = @Content(mediaType = BudgetChart.SVG, schema = @Schema(type = "string")))
  @Get(value = "/budgets/{year}/chart.svg", produces = BudgetChart.SVG)
  public HttpResponse<String> budgetChart(
      @TenantPath TenantContext context,
      @PathVariable @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR) int year,
      HttpRequest<?> request) {
    Budget budget = budgets.find(context, year);
    List<MonthActual> months = budgets.months(context, year);
    return HttpResponse.ok(chart.svg(budget, months, messages.localeOf(request)))
        .contentType(BudgetChart.SVG)
        .header("X-Content-Type-Options", "nosniff");
  }

  /** The categories of budget lines (per-tenant data), in their order. */
  @Get("/budget-categories")
  public List<BudgetCategory> budgetCategories(@TenantPath TenantContext context) {
    return budgets.categories(context);
  }

  /** Adds a category of budget lines (the city admin). */
  @ApiResponse(
      responseCode = "201",
      description = "Added",
      headers = @Header(name = "Location", description = "The categories' list"),
      content = @Content(schema = @Schema(implementation = BudgetCategory.class)))
  @ApiResponse(
      responseCode = "409",
      description = "A category of that name exists already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Post("/budget-categories")
  public HttpResponse<BudgetCategory> addBudgetCategory(
      @TenantPath TenantContext context, @Body @Valid BudgetCommands.AddCategory body) {
    BudgetCategory category = budgets.addCategory(context, body);
    return HttpResponse.created(
        category, URI.create("/api/v1/tenants/" + context.code().value() + "/budget-categories"));
  }
}
