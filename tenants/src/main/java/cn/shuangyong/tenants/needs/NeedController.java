package cn.shuangyong.tenants.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.PageParameters;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.tenants.attachments.Attachment;
import cn.shuangyong.tenants.needs.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The 双清单 ({@code api-contract.md}, Needs). */
@Controller("/api/v1/tenants/{tenant}/needs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Needs")
public class NeedController {
  private final NeedService needs;
  private final NeedIndicators indicators;
  private final NeedExport export;
  private final NeedImport importer;
  private final NeedAttachments attachments;

  NeedController(
      NeedService needs,
      NeedIndicators indicators,
      NeedExport export,
      NeedImport importer,
      NeedAttachments attachments) {
    this.needs = needs;
    this.indicators = indicators;
    this.export = export;
    this.importer = importer;
    this.attachments = attachments;
  }

  @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Attachment> addAttachment(
      Authentication authentication, String tenant, long id, @Part("file") CompletedFileUpload file)
      throws IOException {
    Attachment attachment =
        attachments.add(
            CurrentUser.from(authentication), tenant, id, file.getFilename(), file.getBytes());
    return HttpResponse.created(
        attachment,
        URI.create(
            "/api/v1/tenants/" + tenant + "/needs/" + id + "/attachments/" + attachment.id()));
  }

  @Get("/{id}/attachments")
  public List<Attachment> attachments(Authentication authentication, String tenant, long id) {
    return attachments.list(CurrentUser.from(authentication), tenant, id);
  }

  @Get("/{id}/attachments/{attachmentId}")
  public HttpResponse<byte[]> attachment(
      Authentication authentication, String tenant, long id, long attachmentId) {
    NeedAttachments.Download download =
        attachments.download(CurrentUser.from(authentication), tenant, id, attachmentId);
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
  @Get(value = "/import-template", produces = NeedExport.XLSX)
  public HttpResponse<byte[]> importTemplate(Authentication authentication, String tenant) {
    needs.categories(CurrentUser.from(authentication), tenant);
    return HttpResponse.ok(importer.template())
        .header("Content-Disposition", "attachment; filename=\"needs-import-template.xlsx\"");
  }

  @Serdeable
  public record Imported(int imported) {}

  /** Imports a list: all rows or none; every bad row is reported (422) with its row number. */
  @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Imported> importList(
      Authentication authentication, String tenant, @Part("file") CompletedFileUpload file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      int count = importer.importList(CurrentUser.from(authentication), tenant, in, file.getSize());
      return HttpResponse.created(new Imported(count));
    }
  }

  @Post
  public HttpResponse<Need> submit(
      Authentication authentication, String tenant, @Body @Valid NeedCommands.Submit body) {
    Need need = needs.submit(CurrentUser.from(authentication), tenant, body);
    return HttpResponse.created(
        need, URI.create("/api/v1/tenants/" + tenant + "/needs/" + need.id()));
  }

  @Get
  public PageResponse<Need> list(
      Authentication authentication,
      String tenant,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue Direction direction,
      @Nullable @QueryValue Integer year,
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
            CurrentUser.from(authentication),
            tenant,
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

  @Get("/categories")
  public List<String> categories(Authentication authentication, String tenant) {
    return needs.categories(CurrentUser.from(authentication), tenant);
  }

  @Get("/indicators")
  public NeedIndicators.Figures indicators(
      Authentication authentication, String tenant, @Nullable @QueryValue Integer year) {
    return indicators.figures(
        CurrentUser.from(authentication), tenant, year == null ? needs.today().getYear() : year);
  }

  /** The year's lists with the "four clear" columns, as the office publishes them. */
  @Get(value = "/export", produces = NeedExport.XLSX)
  public HttpResponse<byte[]> export(
      Authentication authentication,
      String tenant,
      @Nullable @QueryValue Integer year,
      @Nullable @QueryValue Direction direction) {
    int listYear = year == null ? needs.today().getYear() : year;
    byte[] workbook =
        export.workbook(CurrentUser.from(authentication), tenant, listYear, direction);
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"needs-" + tenant + "-" + listYear + ".xlsx\"");
  }

  @Get("/{id}")
  public Need find(Authentication authentication, String tenant, long id) {
    return needs.find(CurrentUser.from(authentication), tenant, id);
  }

  @Post("/{id}/accept")
  public Need accept(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Accept body) {
    return needs.accept(CurrentUser.from(authentication), tenant, id, body);
  }

  @Post("/{id}/reject")
  public Need reject(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Reject body) {
    return needs.reject(CurrentUser.from(authentication), tenant, id, body);
  }

  @Post("/{id}/progress")
  public Need progress(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Progress body) {
    return needs.progress(CurrentUser.from(authentication), tenant, id, body);
  }

  @Post("/{id}/complete")
  public Need complete(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Complete body) {
    return needs.complete(CurrentUser.from(authentication), tenant, id, body);
  }

  @Post("/{id}/confirm")
  public Need confirm(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Confirm body) {
    return needs.confirm(CurrentUser.from(authentication), tenant, id, body);
  }

  @Post("/{id}/supervise")
  public Need supervise(
      Authentication authentication,
      String tenant,
      long id,
      @Body @Valid NeedCommands.Supervise body) {
    return needs.supervise(CurrentUser.from(authentication), tenant, id, body);
  }
}
