package cn.shuangyong.tenants.projects.web;

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
import cn.shuangyong.tenants.projects.api.Milestone;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectExport;
import cn.shuangyong.tenants.projects.api.ProjectPage;
import cn.shuangyong.tenants.projects.api.ProjectQuery;
import cn.shuangyong.tenants.projects.api.ProjectReport;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import cn.shuangyong.tenants.projects.internal.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
 * The 拥军项目 ({@code api-contract.md}, Projects): create, list, detail, milestones, start, finish,
 * cancel; the list's export and the yearly 军地互办实事 report (JSON and Excel). Who sees which project
 * is {@code ProjectPermissions}'; only the office writes.
 */
@Controller("/api/v1/tenants/{tenant}/projects")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Projects")
@ApiProblems
public class ProjectController {
  private static final String CONFLICT =
      "The project is in a status that does not allow this step; the message names it";

  private final ProjectService projects;
  private final ProjectExport export;
  private final Messages messages;

  ProjectController(ProjectService projects, ProjectExport export, Messages messages) {
    this.projects = projects;
    this.export = export;
    this.messages = messages;
  }

  /** Creates a project in status PLANNED (the office); {@code Location} names it. */
  @ApiResponse(
      responseCode = "201",
      description = "Created, status PLANNED",
      headers = @Header(name = "Location", description = "The new project's address"),
      content = @Content(schema = @Schema(implementation = Project.class)))
  @Idempotent
  @Post
  public HttpResponse<Project> createProject(
      @TenantPath TenantContext context, @Body @Valid ProjectCommands.Create body) {
    Project project = projects.create(context, body);
    return HttpResponse.created(project, location(context, project.id()));
  }

  /** A page of the projects the caller may see, filtered and sorted. */
  @Get
  public PageResponse<Project> listProjects(
      @TenantPath TenantContext context,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue Long garrisonUnitId,
      @Nullable @QueryValue Long needId,
      @Nullable @QueryValue String q,
      @QueryValue(defaultValue = "0") int page,
      @QueryValue(defaultValue = "20") int size,
      @Nullable @QueryValue String sort) {
    ProjectPage result =
        projects.list(
            context,
            new ProjectQuery(status, year, garrisonUnitId, needId, q),
            PageParameters.of(page, size, sort, ProjectStore.SORTABLE.keySet()));
    return new PageResponse<>(result.items(), result.total(), page, size);
  }

  /**
   * The list as an Excel workbook, with the list's filters (status, year, garrison unit, need,
   * text): units and needs by name, the budget as an exact decimal cell. The caller's projects
   * only.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The workbook",
      content =
          @Content(
              mediaType = ExcelWriter.XLSX,
              schema = @Schema(type = "string", format = "binary")))
  @Get(value = "/export", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> exportProjects(
      @TenantPath TenantContext context,
      @Nullable @QueryValue Status status,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      @Nullable @QueryValue Long garrisonUnitId,
      @Nullable @QueryValue Long needId,
      @Nullable @QueryValue String q,
      HttpRequest<?> request) {
    byte[] workbook =
        export.workbook(
            context,
            new ProjectQuery(status, year, garrisonUnitId, needId, q),
            messages.localeOf(request));
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"projects-"
                + context.code().value()
                + (year == null ? "" : "-" + year)
                + ".xlsx\"");
  }

  /**
   * The yearly 军地互办实事 report (default this year): every project of the year the caller may see,
   * with totals per status and per funding source.
   */
  @Get("/report")
  public ProjectReport projectReport(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year) {
    return export.report(context, year == null ? projects.today().getYear() : year);
  }

  /**
   * The yearly 军地互办实事 report as an Excel workbook: the projects, then the totals per status and per
   * funding source, each on its own worksheet.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The workbook",
      content =
          @Content(
              mediaType = ExcelWriter.XLSX,
              schema = @Schema(type = "string", format = "binary")))
  @Get(value = "/report.xlsx", produces = ExcelWriter.XLSX)
  public HttpResponse<byte[]> projectReportWorkbook(
      @TenantPath TenantContext context,
      @Nullable @QueryValue @Min(PlausibleDates.FIRST_YEAR) @Max(PlausibleDates.LAST_YEAR)
          Integer year,
      HttpRequest<?> request) {
    int reportYear = year == null ? projects.today().getYear() : year;
    byte[] workbook = export.reportWorkbook(context, reportYear, messages.localeOf(request));
    return HttpResponse.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"projects-report-"
                + context.code().value()
                + "-"
                + reportYear
                + ".xlsx\"");
  }

  /** One project with its progress, milestones, timeline and needs. */
  @Get("/{id}")
  public Project findProject(@TenantPath TenantContext context, long id) {
    return projects.find(context, id);
  }

  /** Adds a milestone due by a date not after the planned end (the office). */
  @ApiResponse(
      responseCode = "201",
      description = "Added",
      headers = @Header(name = "Location", description = "The project the milestone belongs to"),
      content = @Content(schema = @Schema(implementation = Milestone.class)))
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Post("/{id}/milestones")
  public HttpResponse<Milestone> addMilestone(
      @TenantPath TenantContext context, long id, @Body @Valid ProjectCommands.AddMilestone body) {
    Milestone milestone = projects.addMilestone(context, id, body);
    return HttpResponse.created(milestone, location(context, id));
  }

  /** Completes a milestone (the office); the project's progress follows. */
  @ApiResponse(
      responseCode = "409",
      description = "The milestone is completed already, or the project is done or cancelled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/milestones/{milestoneId}/complete")
  public Project completeMilestone(@TenantPath TenantContext context, long id, long milestoneId) {
    return projects.completeMilestone(context, id, milestoneId);
  }

  /**
   * Corrects a project's fields while it is planned or under way (the office): the creation's
   * fields but the needs and the year; no milestone may fall after the new planned end.
   */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Put("/{id}")
  public Project updateProject(
      @TenantPath TenantContext context, long id, @Body @Valid ProjectCommands.Update body) {
    return projects.update(context, id, body);
  }

  /** Starts a planned project (the office). */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/start")
  public Project startProject(
      @TenantPath TenantContext context,
      long id,
      @Nullable @Body @Valid ProjectCommands.Note body) {
    return projects.start(context, id, body);
  }

  /** Finishes a project in progress (the office). */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/finish")
  public Project finishProject(
      @TenantPath TenantContext context,
      long id,
      @Nullable @Body @Valid ProjectCommands.Note body) {
    return projects.finish(context, id, body);
  }

  /** Cancels a planned or running project with a written reason (the office). */
  @ApiResponse(
      responseCode = "409",
      description = CONFLICT,
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/cancel")
  public Project cancelProject(
      @TenantPath TenantContext context, long id, @Body @Valid ProjectCommands.Cancel body) {
    return projects.cancel(context, id, body);
  }

  /**
   * Enters the progress by hand, 0..100 with a note (the office); shown as {@code ENTERED} until
   * cleared.
   */
  @ApiResponse(
      responseCode = "409",
      description = "The project is done or cancelled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/progress")
  public Project enterProjectProgress(
      @TenantPath TenantContext context, long id, @Body @Valid ProjectCommands.EnterProgress body) {
    return projects.enterProgress(context, id, body);
  }

  /** Clears the entered progress: the milestones' share shows again (the office). */
  @ApiResponse(
      responseCode = "409",
      description = "The project is done or cancelled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Delete("/{id}/progress")
  public Project clearProjectProgress(@TenantPath TenantContext context, long id) {
    return projects.clearProgress(context, id);
  }

  /**
   * Links a need of this tenant that the project fulfils (the office); the need's projects then
   * include it ({@code GET …/projects?needId=}).
   */
  @ApiResponse(
      responseCode = "409",
      description = "The need is linked already, or the project is cancelled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Post("/{id}/needs")
  public Project linkProjectNeed(
      @TenantPath TenantContext context, long id, @Body @Valid ProjectCommands.LinkNeed body) {
    return projects.linkNeed(context, id, body);
  }

  /** Takes a need's link back (the office); 404 when the need is not linked to the project. */
  @ApiResponse(
      responseCode = "409",
      description = "The project is cancelled",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Delete("/{id}/needs/{needId}")
  public Project unlinkProjectNeed(@TenantPath TenantContext context, long id, long needId) {
    return projects.unlinkNeed(context, id, needId);
  }

  private static URI location(TenantContext context, long id) {
    return URI.create("/api/v1/tenants/" + context.code().value() + "/projects/" + id);
  }
}
