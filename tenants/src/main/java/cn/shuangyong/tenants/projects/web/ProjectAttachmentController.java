package cn.shuangyong.tenants.projects.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Problem;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.projects.api.ProjectAttachments;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A project's photos, PDF and Office files (an extension of {@code api-contract.md}'s Projects, as
 * the needs have them): whoever sees the project lists and downloads them, the office adds and
 * takes them off. The type is decided by the bytes, never the name.
 */
@Controller("/api/v1/tenants/{tenant}/projects/{id}/attachments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Projects")
@ApiProblems
public class ProjectAttachmentController {
  private final ProjectAttachments attachments;

  ProjectAttachmentController(ProjectAttachments attachments) {
    this.attachments = attachments;
  }

  /**
   * Attaches a photo, PDF or Office file to a project (the office): type decided by its bytes, at
   * most 10 MB.
   */
  @ApiResponse(
      responseCode = "201",
      description = "Attached",
      headers = @Header(name = "Location", description = "The attachment's address"),
      content = @Content(schema = @Schema(implementation = Attachment.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The upload is over the server's size limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The request is not multipart/form-data",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<Attachment> addProjectAttachment(
      @TenantPath TenantContext context, long id, @Part("file") CompletedFileUpload file)
      throws IOException {
    Attachment attachment = attachments.add(context, id, file.getFilename(), file.getBytes());
    return HttpResponse.created(
        attachment,
        URI.create(
            "/api/v1/tenants/"
                + context.code().value()
                + "/projects/"
                + id
                + "/attachments/"
                + attachment.id()));
  }

  /**
   * A file sent as anything but multipart/form-data (JSON, a bare body, a form) is 415, not the
   * framework's 403 for a request no route takes. Documented on the multipart operation.
   */
  @Hidden
  @Post(
      consumes = {
        MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.APPLICATION_OCTET_STREAM
      })
  public HttpResponse<Attachment> addProjectAttachmentUnsupported(
      @TenantPath TenantContext context, long id) {
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type");
  }

  /** A project's attachments, with who uploaded each. */
  @Get
  public List<Attachment> projectAttachments(@TenantPath TenantContext context, long id) {
    return attachments.list(context, id);
  }

  /** Downloads one attachment of a project. */
  @ApiResponse(
      responseCode = "200",
      description = "The file, as its sniffed type",
      content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @Get("/{attachmentId}")
  public HttpResponse<byte[]> projectAttachment(
      @TenantPath TenantContext context, long id, long attachmentId) {
    ProjectAttachments.Download download = attachments.download(context, id, attachmentId);
    return HttpResponse.ok(download.content())
        .contentType(download.attachment().contentType())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + URLEncoder.encode(download.attachment().fileName(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
  }

  /** Takes an attachment off the project (the office); the timeline keeps its name. */
  @ApiResponse(responseCode = "204", description = "Taken off")
  @Delete("/{attachmentId}")
  public HttpResponse<Void> deleteProjectAttachment(
      @TenantPath TenantContext context, long id, long attachmentId) {
    attachments.delete(context, id, attachmentId);
    return HttpResponse.noContent();
  }
}
