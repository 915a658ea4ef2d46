package cn.shuangyong.tenants.budgets.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.PlausibleDates;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.tenants.budgets.api.BudgetCommands;
import cn.shuangyong.tenants.budgets.api.BudgetService;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.tenants.budgets.api.ExpenditureExport;
import cn.shuangyong.tenants.budgets.api.ExpenditureImport;
import cn.shuangyong.tenants.budgets.api.ExpenditurePage;
import cn.shuangyong.tenants.budgets.api.ExpenditureQuery;
import cn.shuangyong.tenants.budgets.api.ExpenditureVouchers;
import cn.shuangyong.tenants.budgets.internal.BudgetStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The expenditures of the 双拥工作经费 ({@code api-contract.md}, Budgets): recorded by the office on a
 * budget line, evidenced by vouchers, read by the office and supervisors as a filtered ledger or an
 * Excel workbook.
 */
@Controller("/api/v1/tenants/{tenant}/expenditures")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Budgets")
@ApiProblems
public class ExpenditureController {
  private final BudgetService budgets;
  private final ExpenditureVouchers vouchers;
  private final ExpenditureExport export;
  private final ExpenditureImport importer;
  private final Messages messages;

  ExpenditureController(
      BudgetService budgets,
      ExpenditureVouchers vouchers,
      ExpenditureExport export,
      ExpenditureImport importer,
      Messages messages) {
    this.budgets = budgets;
    this.vouchers = vouchers;
    this.export = export;
    this.importer = importer;
    this.messages = messages;
  }

  /** The Excel template of the ledger's import, with its header row and an example row. */
  @Get(value = "/import-template", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> expenditureImportTemplate(
      @TenantPath TenantContext context, HttpRequest<?> request) {
    return HttpResponse.ok(importer.template(context, messages.localeOf(request)))
        .header(
            "Content-Disposition", "attachment; filename=\"expenditures-import-template.xlsx\"");
  }

  /** How many expenditures an import recorded. */
  @Serdeable
  public record Imported(int imported) {}

  /**
   * Imports expenditures from the ledger's sheet (the office): all rows or none; every bad row is
   * reported (422) with its row number and reason.
   */
  @ApiResponse(
      responseCode = "413",
      description = "The file is over its size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "201",
      description = "Every row recorded",
      content = @Content(schema = @Schema(implementation = Imported.class)))
  @Idempotent
  @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Imported> importExpenditures(
      @TenantPath TenantContext context, @Part("file") CompletedFileUpload file)
      throws IOException {
    try (java.io.InputStream in = file.getInputStream()) {
      return HttpResponse.created(new Imported(importer.importLedger(context, in, file.getSize())));
    }
  }

  /**
   * Records an expenditure on the line of its category (the office); past the line's budget only
   * with an {@code overBudgetReason}.
   */
  @ApiResponse(
      responseCode = "201",
      description = "Recorded",
      headers = @Header(name = "Location", description = "The new expenditure's address"),
      content = @Content(schema = @Schema(implementation = Expenditure.class)))
  @Idempotent
  @Post
  public HttpResponse<Expenditure> recordExpenditure(
      @TenantPath TenantContext context, @Body @Valid BudgetCommands.RecordExpenditure body) {
    Expenditure expenditure = budgets.record(context, body);
    return HttpResponse.created(expenditure, location(context, expenditure.id()));
  }

  /** A page of the ledger, filtered by year, category, project and evidenced, and sorted. */
  @Get
  public PageResponse<Expenditure> listExpenditures(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue @Size(max = 50) String category,
      @Nullable @QueryValue Long projectId,
      @Nullable @QueryValue Boolean evidenced,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    ExpenditurePage result =
        budgets.list(
            context,
            new ExpenditureQuery(year, category, projectId, evidenced),
            PageParameters.of(page, size, sort, BudgetStore.SORTABLE.keySet()));
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** The year's ledger (with the list's filters) as an Excel workbook, amounts exact. */
  @Get(value = "/export", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> exportExpenditures(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue @Size(max = 50) String category,
      @Nullable @QueryValue Long projectId,
      @Nullable @QueryValue Boolean evidenced,
      HttpRequest<?> request) {
    int ledgerYear = year == null ? budgets.today().getYear() : year;
    byte[] workbook =
        export.workbook(
            context,
            new ExpenditureQuery(ledgerYear, category, projectId, evidenced),
            ledgerYear,
            messages.localeOf(request));
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"expenditures-"
                + context.code().value()
                + "-"
                + ledgerYear
                + ".xlsx\"");
  }

  /** One expenditure with its vouchers. */
  @Get("/{id}")
  public Expenditure findExpenditure(@TenantPath TenantContext context, long id) {
    return budgets.findExpenditure(context, id);
  }

  /**
   * Keeps a voucher (凭证: a scan or photo, PDF or Office file, type decided by its bytes) for an
   * expenditure (the office); the expenditure becomes evidenced.
   */
  @ApiResponse(
      responseCode = "200",
      description = "Kept; the expenditure, now evidenced",
      content = @Content(schema = @Schema(implementation = Expenditure.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The file is over its size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post(value = "/{id}/voucher", consumes = MediaType.MULTIPART_FORM_DATA)
  public Expenditure attachVoucher(
      @TenantPath TenantContext context, long id, @Part("file") CompletedFileUpload file)
      throws IOException {
    return vouchers.attach(context, id, file.getFilename(), file.getBytes());
  }

  /** Downloads one voucher of an expenditure. */
  @ApiResponse(
      responseCode = "200",
      description = "The voucher's bytes",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = "string", format = "binary")))
  @Get("/{id}/vouchers/{voucherId}")
  public HttpResponse<byte[]> downloadVoucher(
      @TenantPath TenantContext context, long id, long voucherId) {
    ExpenditureVouchers.Download download = vouchers.download(context, id, voucherId);
    return HttpResponse.ok(download.content())
        .contentType(download.attachment().contentType())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + URLEncoder.encode(download.attachment().fileName(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
  }

  private static URI location(TenantContext context, long id) {
    return URI.create("/api/v1/tenants/" + context.code().value() + "/expenditures/" + id);
  }
}
