package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.projects.api.Milestone;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectAttachments;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectEvent;
import cn.shuangyong.tenants.projects.api.ProjectPermissions;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.api.ProjectTypes.ProgressSource;
import cn.shuangyong.tenants.projects.api.ProjectWorkflow;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.DateFields;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.PersonLabels;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.Timeline;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 项目详情: the project's fields, progress (saying where it comes from), milestones (the office adds
 * and completes them), the needs it fulfils, its files (photos, PDF, Office: the office uploads and
 * takes them off) and the timeline of every change, with only the steps the user may take now. The
 * service decides again on every step; this view only shows its answers.
 */
@Prototype
@Route(value = "projects/:id([0-9]{1,12})", layout = MainLayout.class)
public class ProjectDetailView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {
  private final ProjectService projects;
  private final NeedService needs;
  private final ProjectAttachments attachments;
  private final UnitService units;
  private final TenantAccess access;
  private final CurrentUser user;
  private long id;
  private String title = "";

  public ProjectDetailView(
      TenantAccess access,
      ProjectService projects,
      NeedService needs,
      ProjectAttachments attachments,
      UnitService units) {
    this.access = access;
    this.units = units;
    this.projects = projects;
    this.needs = needs;
    this.attachments = attachments;
    this.user = UiSession.requireUser();
    setId("project-detail");
    setMaxWidth("64em");
  }

  static void open(long id) {
    UI.getCurrent()
        .navigate(ProjectDetailView.class, new RouteParameters("id", String.valueOf(id)));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    id = event.getRouteParameters().getLong("id").orElse(-1L);
    render();
  }

  private void render() {
    removeAll();
    Project project;
    try {
      project = projects.find(access.own(), id);
    } catch (ProblemException | IllegalArgumentException problem) {
      add(ViewTitle.of(getTranslation("projects.not-found")));
      return;
    }
    title = project.name();
    H1 heading = ViewTitle.of(project.name());
    heading.setId("project-heading");
    heading.addClassNames(LumoUtility.Margin.Bottom.NONE);
    FlexLayout badges = new FlexLayout(ProjectLabels.statusBadge(this, project.status()));
    badges.setId("project-status");
    badges.addClassNames(LumoUtility.Gap.SMALL);
    Component progress = ProjectLabels.progress(this, project);
    progress.setId("project-progress");
    add(heading, badges, progress, actions(project), fields(project));
    add(new H3(getTranslation("projects.milestones")), milestones(project));
    add(
        new H3(getTranslation("projects.needs")),
        new ProjectNeedsSection(this, projects, needs, access::own, this::render)
            .show(
                project,
                ProjectPermissions.mayDo(user, Action.LINK_NEED)
                    && ProjectWorkflow.allows(project.status(), Action.LINK_NEED)));
    add(
        new H3(getTranslation("projects.attachments")),
        new ProjectFilesSection(this, attachments, access::own, this::render)
            .show(
                project.id(),
                ProjectPermissions.mayDo(user, Action.ADD_ATTACHMENT)
                    && ProjectWorkflow.allows(project.status(), Action.ADD_ATTACHMENT)));
    add(new H3(getTranslation("projects.history")), timeline(project.history()));
  }

  private Component actions(Project project) {
    FlexLayout bar = new FlexLayout();
    bar.setId("project-actions");
    bar.addClassNames(LumoUtility.Gap.SMALL);
    for (Action action : List.of(Action.START, Action.FINISH, Action.CANCEL)) {
      if (ProjectPermissions.mayDo(user, action)
          && ProjectWorkflow.allows(project.status(), action)) {
        Button button = new Button(getTranslation("projects.action." + action.name()));
        button.setId("project-action-" + action.name().toLowerCase());
        button.addThemeVariants(
            action == Action.CANCEL ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        button.addClickListener(click -> step(action));
        bar.add(button);
      }
    }
    if (ProjectPermissions.mayDo(user, Action.UPDATE)
        && ProjectWorkflow.allows(project.status(), Action.UPDATE)) {
      Button edit =
          new Button(
              getTranslation("projects.edit"), VaadinIcon.EDIT.create(), click -> edit(project));
      edit.setId("project-action-update");
      bar.add(edit);
    }
    if (ProjectPermissions.mayDo(user, Action.ENTER_PROGRESS)
        && ProjectWorkflow.allows(project.status(), Action.ENTER_PROGRESS)) {
      Button enter =
          new Button(
              getTranslation("projects.action.ENTER_PROGRESS"),
              click ->
                  new ProjectProgressDialog(
                          this, projects, access::own, id, project.progress(), this::render)
                      .open());
      enter.setId("project-action-enter_progress");
      bar.add(enter);
      if (project.progressSource() == ProgressSource.ENTERED) {
        Button clear =
            new Button(
                getTranslation("projects.action.CLEAR_PROGRESS"),
                click ->
                    perform(
                        Action.CLEAR_PROGRESS,
                        Map.of(),
                        () -> projects.clearProgress(access.own(), id)));
        clear.setId("project-action-clear_progress");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bar.add(clear);
      }
    }
    return bar;
  }

  private void edit(Project project) {
    new ProjectFormDialog(
            units.listGarrisonUnits(access.own(), null),
            units.listResponsibleUnits(access.own(), null),
            project,
            submission -> {
              Project saved =
                  Problems.attempt(
                      this,
                      submission.fields(),
                      () -> projects.update(access.own(), id, submission.update()));
              if (saved != null) {
                Notices.success(getTranslation("projects.edit.done", saved.name()));
                render();
              }
              return saved;
            })
        .open();
  }

  private void step(Action action) {
    if (action != Action.CANCEL) {
      perform(
          action,
          Map.of(),
          () ->
              action == Action.START
                  ? projects.start(access.own(), id, new ProjectCommands.Note(null))
                  : projects.finish(access.own(), id, new ProjectCommands.Note(null)));
      return;
    }
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("projects.action.CANCEL"));
    TextArea reason = new TextArea(getTranslation("projects.cancel-reason"));
    reason.setId("project-cancel-reason");
    reason.setWidthFull();
    reason.setMaxLength(2000);
    dialog.add(reason);
    Button confirm =
        new Button(
            getTranslation("projects.action.CANCEL"),
            click -> {
              if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("projects.cancel-reason.required"));
                return;
              }
              if (perform(
                  action,
                  Map.of("reason", reason),
                  () ->
                      projects.cancel(
                          access.own(), id, new ProjectCommands.Cancel(reason.getValue())))) {
                dialog.close();
              }
            });
    confirm.setId("project-cancel-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
    dialog
        .getFooter()
        .add(new Button(getTranslation("projects.close"), c -> dialog.close()), confirm);
    dialog.open();
  }

  private boolean perform(
      Action action, Map<String, ? extends HasValidation> fields, Supplier<?> call) {
    Object done = Problems.attempt(this, fields, call);
    if (done == null) {
      return false;
    }
    Notices.success(
        getTranslation("projects.action.done", getTranslation("projects.action." + action.name())));
    render();
    return true;
  }

  private Component fields(Project project) {
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    form.addFormItem(new Span(String.valueOf(project.year())), getTranslation("projects.year"));
    form.addFormItem(new Span(project.category()), getTranslation("projects.category"));
    form.addFormItem(
        new Span(ProjectLabels.unitNames(project)), getTranslation("projects.garrison-units"));
    form.addFormItem(
        new Span(project.responsibleUnitName()), getTranslation("projects.responsible-unit"));
    Span budget = new Span(ProjectLabels.money(project.budget()));
    budget.setId("project-budget-value");
    form.addFormItem(budget, getTranslation("projects.budget"));
    form.addFormItem(
        new Span(ProjectLabels.of(this, "funding-source", project.fundingSource())),
        getTranslation("projects.funding-source"));
    form.addFormItem(
        new Span(project.plannedStart() + " — " + project.plannedEnd()),
        getTranslation("projects.planned"));
    if (project.cancelReason() != null) {
      form.addFormItem(new Span(project.cancelReason()), getTranslation("projects.cancel-reason"));
    }
    return form;
  }

  private Component milestones(Project project) {
    VerticalLayout list = new VerticalLayout();
    list.setId("project-milestones");
    list.setPadding(false);
    boolean office = ProjectPermissions.mayDo(user, Action.ADD_MILESTONE);
    boolean open = ProjectWorkflow.allows(project.status(), Action.ADD_MILESTONE);
    if (project.milestones().isEmpty()) {
      list.add(EmptyState.nothingYet(getTranslation("projects.milestones.empty")));
    }
    for (Milestone milestone : project.milestones()) {
      list.add(milestoneRow(milestone, office && open));
    }
    if (office && open) {
      list.add(addMilestoneForm(project));
    }
    return list;
  }

  private Component milestoneRow(Milestone milestone, boolean mayComplete) {
    Span name = new Span(milestone.title());
    name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span due = new Span(getTranslation("projects.milestone.due", milestone.dueDate().toString()));
    due.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    FlexLayout row = new FlexLayout(name, due);
    row.addClassNames("project-milestone", LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.CENTER);
    if (milestone.completed()) {
      Span done =
          new Span(
              getTranslation(
                  "projects.milestone.completed",
                  Timeline.when(milestone.completedAt()),
                  PersonLabels.of(this, milestone.completedByPerson(), milestone.completedBy())));
      done.getElement().getThemeList().add("badge success");
      row.add(done);
    } else {
      if (milestone.overdue()) {
        Span late = new Span(getTranslation("projects.milestone.overdue"));
        late.getElement().getThemeList().add("badge error");
        row.add(late);
      }
      if (mayComplete) {
        Button complete =
            new Button(
                getTranslation("projects.milestone.complete"),
                click ->
                    perform(
                        Action.COMPLETE_MILESTONE,
                        Map.of(),
                        () -> projects.completeMilestone(access.own(), id, milestone.id())));
        complete.addClassName("project-milestone-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_SMALL);
        row.add(complete);
      }
    }
    return row;
  }

  private Component addMilestoneForm(Project project) {
    TextField name = new TextField(getTranslation("projects.milestone.title"));
    name.setId("milestone-title");
    name.setMaxLength(200);
    DatePicker due = DateFields.create(getTranslation("projects.milestone.due-date"));
    due.setId("milestone-due");
    DateFields.latest(due, project.plannedEnd());
    Button add =
        new Button(
            getTranslation("projects.milestone.add"),
            click ->
                perform(
                    Action.ADD_MILESTONE,
                    Map.of("title", name, "dueDate", due),
                    () ->
                        projects.addMilestone(
                            access.own(),
                            id,
                            new ProjectCommands.AddMilestone(name.getValue(), due.getValue()))));
    add.setId("milestone-add");
    FlexLayout form = new FlexLayout(name, due, add);
    form.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
    form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    return form;
  }

  private Component timeline(List<ProjectEvent> history) {
    Timeline lines = new Timeline("project-timeline", "project-event");
    for (ProjectEvent event : history) {
      lines
          .line(
              event.at(),
              getTranslation("projects.action." + event.action().name()),
              PersonLabels.span(this, event.actorPerson(), event.actor()))
          .fact(
              event.from() != null && event.from() != event.to()
                  ? ProjectLabels.of(this, "status", event.from())
                      + " → "
                      + ProjectLabels.of(this, "status", event.to())
                  : null)
          .fact(event.note());
    }
    return lines;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
