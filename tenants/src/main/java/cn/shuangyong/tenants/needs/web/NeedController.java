package cn.shuangyong.tenants.needs.web;

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
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedExport;
import cn.shuangyong.tenants.needs.api.NeedImport;
import cn.shuangyong.tenants.needs.api.NeedIndicators;
import cn.shuangyong.tenants.needs.api.NeedPage;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.NeedStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The 双清单 ({@code api-contract.md}, Needs). */
@Controller("/api/v1/tenants/{tenant}/needs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Needs")
@ApiProblems
public class NeedController {
  private final NeedService needs;
  private final NeedIndicators indicators;
  private final NeedExport export;
  private final NeedImport importer;
  private final NeedAttachments attachments;
  private final Messages messages;

  NeedController(
      NeedService needs,
      NeedIndicators indicators,
      NeedExport export,
      NeedImport importer,
      NeedAttachments attachments,
      Messages messages) {
    this.messages = messages;
    this.needs = needs;
    this.indicators = indicators;
    this.export = export;
    this.importer = importer;
    this.attachments = attachments;
  }

  /** Attaches a photo, PDF or Office file to a need (type decided by its bytes). */
  @ApiResponse(
      responseCode = "413",
      description = "The file is over its size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Attachment> addAttachment(
      @TenantPath TenantContext context, long id, @Part("file") CompletedFileUpload file)
      throws IOException {
    Attachment attachment = attachments.add(context, id, file.getFilename(), file.getBytes());
    return HttpResponse.created(
        attachment,
        URI.create(
            "/api/v1/tenants/"
                + context.code().value()
                + "/needs/"
                + id
                + "/attachments/"
                + attachment.id()));
  }

  /** A need's attachments. */
  @Get("/{id}/attachments")
  public List<Attachment> attachments(@TenantPath TenantContext context, long id) {
    return attachments.list(context, id);
  }

  /** Downloads one attachment of a need. */
  @Get("/{id}/attachments/{attachmentId}")
  public HttpResponse<byte[]> attachment(
      @TenantPath TenantContext context, long id, long attachmentId) {
    NeedAttachments.Download download = attachments.download(context, id, attachmentId);
    return HttpResponse.ok(download.content())
        .contentType(download.attachment().contentType())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(
                        download.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
  }

  /** The Excel template of the import, with its header row and an example row. */
  @Get(value = "/import-template", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> importTemplate(
      @TenantPath TenantContext context, HttpRequest<?> request) {
    return HttpResponse.ok(importer.template(context, messages.localeOf(request)))
        .header("Content-Disposition", "attachment; filename=\"needs-import-template.xlsx\"");
  }

  @Serdeable
  public record Imported(int imported) {}

  /** Imports a list: all rows or none; every bad row is reported (422) with its row number. */
  @ApiResponse(
      responseCode = "413",
      description = "The file is over its size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Imported> importList(
      @TenantPath TenantContext context, @Part("file") CompletedFileUpload file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      int count = importer.importList(context, in, file.getSize());
      return HttpResponse.created(new Imported(count));
    }
  }

  /** Submits a need (liaison for its unit, or the office). */
  @Idempotent
  @Post
  public HttpResponse<Need> submit(
      @TenantPath TenantContext context, @Body @Valid NeedCommands.Submit body) {
    Need need = needs.submit(context, body);
    return HttpResponse.created(
        need, URI.create("/api/v1/tenants/" + context.code().value() + "/needs/" + need.id()));
  }

  /** A page of the needs the caller may see, filtered and sorted. */
  @Get
  public PageResponse<Need> listNeeds(
      @TenantPath TenantContext context,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue Direction direction,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue Long garrisonUnitId,
      @Nullable @QueryValue Long responsibleUnitId,
      @Nullable @QueryValue Boolean overdue,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    Pageable pageable = PageParameters.of(page, size, sort, NeedStore.SORTABLE.keySet());
    NeedPage result =
        needs.list(
            context,
            new NeedQuery(
                status,
                direction,
                year,
                garrisonUnitId,
                responsibleUnitId,
                Boolean.TRUE.equals(overdue),
                q),
            pageable);
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /** The tenant's active need categories. */
  @Get("/categories")
  public List<String> categories(@TenantPath TenantContext context) {
    return needs.categories(context);
  }

  /** The tenant's figures: city office and supervisors only (403 for liaisons and handlers). */
  @Get("/indicators")
  public NeedIndicators.Figures indicators(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year) {
    return indicators.figures(context, year == null ? needs.today().getYear() : year);
  }

  /** The year's lists with the "four clear" columns, as the office publishes them. */
  @Get(value = "/export", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> export(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue Direction direction,
      HttpRequest<?> request) {
    int listYear = year == null ? needs.today().getYear() : year;
    byte[] workbook = export.workbook(context, listYear, direction, messages.localeOf(request));
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"needs-" + context.code().value() + "-" + listYear + ".xlsx\"");
  }

  /** One need with its history. */
  @Get("/{id}")
  public Need find(@TenantPath TenantContext context, long id) {
    return needs.find(context, id);
  }

  /** Accepts a need: responsible unit, deadline and level (the office). */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/accept")
  public Need accept(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Accept body) {
    return needs.accept(context, id, body);
  }

  /** Rejects a need with a written reason (the office). */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/reject")
  public Need reject(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Reject body) {
    return needs.reject(context, id, body);
  }

  /** Reports progress on an accepted need (the assigned unit or the office). */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/progress")
  public Need progress(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Progress body) {
    return needs.progress(context, id, body);
  }

  /** Reports a need done (the assigned unit or the office). */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/complete")
  public Need complete(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Complete body) {
    return needs.complete(context, id, body);
  }

  /** Confirms a done need with a satisfaction rating (销号), or sends it back. */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/confirm")
  public Need confirm(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Confirm body) {
    return needs.confirm(context, id, body);
  }

  /**
   * Withdraws (撤回) a need still SUBMITTED: the asking garrison's liaison or the office (an
   * extension of the contract). 403 for anyone else who may see it, 409 from any other status.
   */
  @ApiResponse(responseCode = "200", description = "The need, now WITHDRAWN, with its history")
  @ApiResponse(
      responseCode = "403",
      description = "Only the asking garrison's liaison or the office may withdraw it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such need in this tenant, or one the caller may not see",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The need is no longer SUBMITTED; the message names its status",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/withdraw")
  public Need withdraw(
      @TenantPath TenantContext context,
      long id,
      @Body @Valid @Nullable NeedCommands.Withdraw body) {
    return needs.withdraw(context, id, body == null ? new NeedCommands.Withdraw(null) : body);
  }

  /** Records a 督办 note on an open need (supervisor or city admin). */
  @ApiResponse(
      responseCode = "409",
      description = "The need is in a status that does not allow this step; the message names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/supervise")
  public Need supervise(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCommands.Supervise body) {
    return needs.supervise(context, id, body);
  }
}
