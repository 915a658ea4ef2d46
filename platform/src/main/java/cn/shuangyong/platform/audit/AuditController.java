package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.security.ClientAddress;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.PageResponse;
import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * {@code GET /api/v1/audit}: the platform admin sees all, a city admin its tenant, a supervisor its
 * region.
 */
@Controller("/api/v1/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
@ApiProblems
public class AuditController {
  private final AuditLog audit;
  private static final String RESULTS = "SUCCESS|FAILURE|DENIED";
  private final ClientAddress clientAddress;
  private final AuditAccess access;
  private final Messages messages;

  AuditController(
      AuditLog audit, ClientAddress clientAddress, AuditAccess access, Messages messages) {
    this.audit = audit;
    this.clientAddress = clientAddress;
    this.access = access;
    this.messages = messages;
  }

  /**
   * Searches the audit trail (platform admin; a supervisor its region; a city admin its city). Each
   * event of a change carries the changed record's fields before and after it ({@code before},
   * {@code after}; personal data masked); newest first unless {@code sort} is {@code at} or {@code
   * id} with {@code ,asc} or {@code ,desc}. {@code to} is exclusive.
   */
  @Get
  @ApiResponse(responseCode = "200", description = "A page of events")
  @ApiResponse(
      responseCode = "400",
      description = "A malformed filter, page, size or sort, or a time outside 2000–2100")
  @ApiResponse(responseCode = "403", description = "The caller may not read the trail")
  @ApiResponse(responseCode = "422", description = "from is after to")
  public PageResponse<AuditEvent> search(
      Authentication authentication,
      @Nullable @QueryValue String tenant,
      @Nullable @QueryValue String user,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue @Pattern(regexp = RESULTS) String result,
      @Nullable @QueryValue Instant from,
      @Nullable @QueryValue Instant to,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    AuditLog.Page found =
        access.search(
            CurrentUser.from(authentication),
            new AuditAccess.Filters(tenant, user, action, result, from, to),
            page,
            size,
            sort);
    return new PageResponse<>(found.items(), found.total(), page, size);
  }

  /**
   * The same search as an Excel workbook (at most 10,000 events, newest first); the export is
   * audited (AUDIT_EXPORT).
   */
  @Get(value = "/export", produces = ExcelWriter.XLSX)
  @Operation(operationId = "exportAuditTrail")
  @ApiResponse(
      responseCode = "200",
      description = "The events as .xlsx",
      content = @Content(mediaType = ExcelWriter.XLSX))
  @ApiResponse(
      responseCode = "400",
      description = "A malformed filter, or a time outside 2000–2100")
  @ApiResponse(responseCode = "403", description = "The caller may not read the trail")
  @ApiResponse(responseCode = "422", description = "from is after to")
  public HttpResponse<byte[]> export(
      Authentication authentication,
      HttpRequest<?> request,
      @Nullable @QueryValue String tenant,
      @Nullable @QueryValue String user,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue @Pattern(regexp = RESULTS) String result,
      @Nullable @QueryValue Instant from,
      @Nullable @QueryValue Instant to) {
    CurrentUser caller = CurrentUser.from(authentication);
    AuditSheet.Workbook workbook =
        access.export(
            caller,
            new AuditAccess.Filters(tenant, user, action, result, from, to),
            messages.localeOf(request),
            clientAddress.of(request),
            request.getUri().getRawQuery());
    return HttpResponse.ok(workbook.bytes())
        .header("Content-Disposition", "attachment; filename=\"audit.xlsx\"");
  }

  /**
   * Recomputes the keyed chain (platform admin): how many events were checked and the id of the
   * first one altered, inserted, or following a deleted one (null when the chain is whole). The
   * check itself is audited (AUDIT_VERIFY, FAILURE when broken).
   */
  @Get("/verify")
  @Operation(operationId = "verifyAuditTrail")
  @ApiResponse(
      responseCode = "200",
      description = "The chain checked; firstBrokenId null when whole",
      content = @Content(schema = @Schema(implementation = AuditLog.Verification.class)))
  public AuditLog.Verification verify(Authentication authentication, HttpRequest<?> request) {
    CurrentUser caller = CurrentUser.from(authentication);
    if (!caller.has(Role.PLATFORM_ADMIN)) {
      throw ProblemException.forbidden();
    }
    AuditLog.Verification verification = audit.verify();
    audit.record(
        new AuditLog.Entry(
            caller.username(),
            null,
            "AUDIT_VERIFY",
            null,
            verification.firstBrokenId() == null ? "SUCCESS" : "FAILURE",
            clientAddress.of(request),
            "checked="
                + verification.checked()
                + " firstBrokenId="
                + verification.firstBrokenId()));
    return verification;
  }
}
