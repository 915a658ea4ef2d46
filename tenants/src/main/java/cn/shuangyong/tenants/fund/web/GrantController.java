package cn.shuangyong.tenants.fund.web;

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
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantAttachments;
import cn.shuangyong.tenants.fund.api.GrantExport;
import cn.shuangyong.tenants.fund.api.GrantPage;
import cn.shuangyong.tenants.fund.api.GrantPersonalData;
import cn.shuangyong.tenants.fund.api.GrantQuery;
import cn.shuangyong.tenants.fund.api.GrantService;
import cn.shuangyong.tenants.fund.internal.FundStore;
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
 * The 帮扶申请 ({@code api-contract.md}, grants): application (CITY_STAFF) → town/street review
 * (CITY_STAFF) → county approval within the household's cap, or refusal (CITY_ADMIN) → payment
 * (CITY_ADMIN; an urgent case first, its paperwork after). The office and supervisors read, ID
 * numbers and phones masked; only the office opens the papers and unmasks an applicant, audited.
 */
@Controller("/api/v1/tenants/{tenant}/grants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Assistance fund")
@ApiProblems
public class GrantController {
  private static final String CONFLICT =
      "The grant is in a status that does not allow this step; the message names it";

  private final GrantService grants;
  private final GrantAttachments attachments;
  private final GrantExport export;
  private final Messages messages;

  GrantController(
      GrantService grants, GrantAttachments attachments, GrantExport export, Messages messages) {
    this.grants = grants;
    this.attachments = attachments;
    this.export = export;
    this.messages = messages;
  }

  /**
   * Records an application (the office's staff): status SUBMITTED. The ID number must be a valid
   * 18-digit resident ID; {@code special} needs a {@code specialReason}, {@code urgent} an {@code
   * urgentReason}.
   */
  @ApiResponse(
      responseCode = "201",
      description = "Recorded, status SUBMITTED; ID number and phone masked",
      headers = @Header(name = "Location", description = "The new grant's address"),
      content = @Content(schema = @Schema(implementation = Grant.class)))
  @Idempotent
  @Post
  public HttpResponse<Grant> submitGrant(
      @TenantPath TenantContext context, @Body @Valid FundCommands.Apply body) {
    Grant grant = grants.submit(context, body);
    return HttpResponse.created(grant, location(context, grant.id()));
  }

  /** A page of the grants, filtered and sorted; ID numbers and phones masked. */
  @Get
  public PageResponse<Grant> listGrants(
      @TenantPath TenantContext context,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue ApplicantType applicantType,
      @Nullable @QueryValue @Size(max = 100) String q,
      @Nullable @QueryValue Boolean paidFirst,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    GrantPage result =
        grants.list(
            context,
            new GrantQuery(status, year, applicantType, q, paidFirst),
            PageParameters.of(page, size, sort, FundStore.SORTABLE.keySet()));
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** The caller's inbox: the grants that wait for the caller's step, urgent ones first. */
  @Get("/inbox")
  public PageResponse<Grant> grantInbox(
      @TenantPath TenantContext context,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size) {
    var pageable = PageParameters.of(page, size, null, java.util.Set.of());
    GrantPage result = grants.inbox(context, (int) pageable.getOffset(), pageable.getSize());
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** The grants (with the list's filters) as an Excel workbook, ID numbers and phones masked. */
  @Get(value = "/export", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> exportGrants(
      @TenantPath TenantContext context,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue ApplicantType applicantType,
      @Nullable @QueryValue @Size(max = 100) String q,
      @Nullable @QueryValue Boolean paidFirst,
      HttpRequest<?> request) {
    byte[] workbook =
        export.workbook(
            context,
            new GrantQuery(status, year, applicantType, q, paidFirst),
            messages.localeOf(request));
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"grants-"
                + context.code().value()
                + (year == null ? "" : "-" + year)
                + ".xlsx\"");
  }

  /** One grant with its timeline, papers and the household's other grants. */
  @Get("/{id}")
  public Grant findGrant(@TenantPath TenantContext context, long id) {
    return grants.find(context, id);
  }

  /**
   * The applicant's ID number and phone in plain: the office only (CITY_ADMIN, CITY_STAFF; others
   * 403), each time audited as PERSONAL_DATA_UNMASKED.
   */
  @Get("/{id}/personal-data")
  public GrantPersonalData grantPersonalData(@TenantPath TenantContext context, long id) {
    return grants.personalData(context, id);
  }

  /** The town/street review (the staff): {@code approve} → REVIEWED, else REJECTED. */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/review")
  public Grant reviewGrant(
      @TenantPath TenantContext context, long id, @Body @Valid FundCommands.Review body) {
    return grants.review(context, id, body);
  }

  /**
   * The county office approves an amount (the city admin): at least the minimum, and with the
   * household's other approved and paid grants of the year within its cap (422 otherwise).
   */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/approve")
  public Grant approveGrant(
      @TenantPath TenantContext context, long id, @Body @Valid FundCommands.Approve body) {
    return grants.approve(context, id, body);
  }

  /** The county office refuses (the city admin), with its reason. */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/reject")
  public Grant rejectGrant(
      @TenantPath TenantContext context, long id, @Body @Valid FundCommands.Reject body) {
    return grants.reject(context, id, body);
  }

  /**
   * Pays the grant from the fund (the city admin): an APPROVED one (else 409), or an urgent one
   * first from SUBMITTED or REVIEWED; never past the balance or the cap (422).
   */
  @ApiResponse(
      responseCode = "409",
      description = "The grant is not approved (and not urgent), or paid already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/pay")
  public Grant payGrant(
      @TenantPath TenantContext context, long id, @Body @Valid FundCommands.Pay body) {
    return grants.pay(context, id, body);
  }

  /** The paperwork of a grant paid first is complete (the office): no longer 待补材料. */
  @ApiResponse(
      responseCode = "409",
      description = "The grant was not paid first, or its paperwork is complete already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/paperwork")
  public Grant completeGrantPaperwork(
      @TenantPath TenantContext context,
      long id,
      @Body @Valid FundCommands.CompletePaperwork body) {
    return grants.completePaperwork(context, id, body);
  }

  /** Adds a paper to the application (the office): type decided by its bytes, size capped. */
  @ApiResponse(
      responseCode = "201",
      description = "Kept",
      headers = @Header(name = "Location", description = "The grant's address"),
      content = @Content(schema = @Schema(implementation = Attachment.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The grant is refused",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The file is over its size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Attachment> attachGrantPaper(
      @TenantPath TenantContext context, long id, @Part("file") CompletedFileUpload file)
      throws IOException {
    Attachment kept = attachments.attach(context, id, file.getFilename(), file.getBytes());
    return HttpResponse.created(kept, location(context, id));
  }

  /** Downloads one paper of a grant (the office only). */
  @ApiResponse(
      responseCode = "200",
      description = "The paper's bytes",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = "string", format = "binary")))
  @Get("/{id}/attachments/{attachmentId}")
  public HttpResponse<byte[]> downloadGrantPaper(
      @TenantPath TenantContext context, long id, long attachmentId) {
    GrantAttachments.Download download = attachments.download(context, id, attachmentId);
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
    return URI.create("/api/v1/tenants/" + context.code().value() + "/grants/" + id);
  }
}
