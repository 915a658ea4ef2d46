package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedEvent;
import cn.shuangyong.tenants.needs.api.NeedPermissions;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedWorkflow;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.PersonLabels;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 事项详情: the need's fields, its history as a timeline, its attachments, and only the actions the
 * current user may take now ({@link NeedPermissions#mayDo} and {@link NeedWorkflow#allows}). The
 * service decides again on every action; this view only shows its answers.
 */
@Prototype
@Route(value = "needs/:id([0-9]{1,12})", layout = MainLayout.class)
public class NeedDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final List<Action> ACTIONS =
      List.of(
          Action.ACCEPT,
          Action.REJECT,
          Action.PROGRESS,
          Action.COMPLETE,
          Action.PROGRESS_ON_BEHALF,
          Action.COMPLETE_ON_BEHALF,
          Action.CONFIRM,
          Action.SUPERVISE,
          Action.WITHDRAW);

  private final NeedService needs;
  private final ProjectService projects;
  private final NeedAttachments attachments;
  private final UnitService units;
  private final CurrentUser user;
  private long id;
  private String title = "";
  private String tenant;

  private final TenantAccess access;

  public NeedDetailView(
      TenantAccess access,
      NeedService needs,
      ProjectService projects,
      NeedAttachments attachments,
      UnitService units) {
    this.access = access;
    this.needs = needs;
    this.projects = projects;
    this.attachments = attachments;
    this.units = units;
    this.user = UiSession.requireUser();
    setId("need-detail");
    setMaxWidth("64em");
  }

  static RouteParameters parameters(long id) {
    return new RouteParameters("id", String.valueOf(id));
  }

  /**
   * Opens a need's detail; a supervisor (who has no tenant of its own) names the city in the query,
   * which the services check against the supervisor's region.
   */
  public static void open(long id, String tenant) {
    UI ui = UI.getCurrent();
    CurrentUser current = UiSession.requireUser();
    if (current.tenant() == null && tenant != null) {
      ui.navigate(NeedDetailView.class, parameters(id), QueryParameters.of("tenant", tenant));
    } else {
      ui.navigate(NeedDetailView.class, parameters(id));
    }
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    id = event.getRouteParameters().getLong("id").orElse(-1L);
    tenant =
        user.tenant() != null
            ? user.tenant()
            : event.getLocation().getQueryParameters().getSingleParameter("tenant").orElse(null);
    render();
  }

  private void render() {
    removeAll();
    Need need;
    try {
      need = needs.find(access.enter(tenant), id);
    } catch (ProblemException | IllegalArgumentException problem) {
      add(ViewTitle.of(getTranslation("needs.not-found")));
      return;
    }
    title = need.title();
    H1 heading = ViewTitle.of(need.title());
    heading.setId("need-heading");
    heading.addClassNames(LumoUtility.Margin.Bottom.NONE);
    FlexLayout badges = new FlexLayout(NeedLabels.statusBadge(this, need.status()));
    badges.setId("need-status");
    Span overdue = NeedLabels.overdueBadge(this, need);
    if (overdue != null) {
      badges.add(overdue);
    }
    if (need.sample()) {
      Span sample = new Span(getTranslation("unit.sample"));
      sample.getElement().getThemeList().add("badge contrast small");
      badges.add(sample);
    }
    badges.addClassNames(LumoUtility.Gap.SMALL);
    add(heading, badges, actions(need), fields(need));
    if (need.description() != null) {
      Paragraph description = new Paragraph(need.description());
      description.getStyle().set("white-space", "pre-wrap");
      add(new H3(getTranslation("needs.description")), description);
    }
    List<Project> fulfilling = projects.fulfilling(access.enter(tenant), id);
    if (!fulfilling.isEmpty()) {
      add(
          new H3(getTranslation("needs.projects")),
          NeedProjects.of(this, fulfilling, user.tenant() != null));
    }
    add(new H3(getTranslation("needs.history")), timeline(need.history(), assigneeName(need)));
    add(new H3(getTranslation("needs.attachments")), attachmentsOf(need));
  }

  private Component actions(Need need) {
    FlexLayout bar = new FlexLayout();
    bar.setId("need-actions");
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.addClassNames(LumoUtility.Gap.SMALL);
    for (Action action : ACTIONS) {
      // the office may withdraw through the API too, but in the UI it decides with 受理/不予采纳
      boolean shown =
          (action != Action.WITHDRAW || user.has(Role.GARRISON_LIAISON))
              && !asTheUnit(need, action);
      if (shown
          && NeedPermissions.mayDo(user, need, action)
          && NeedWorkflow.allows(need.status(), action)) {
        Button button = new Button(getTranslation("needs.action." + action.name()));
        button.setId("action-" + action.name().toLowerCase());
        if (NeedWorkflow.onBehalf(action)) {
          button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        } else if (action == Action.REJECT || action == Action.WITHDRAW) {
          button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else if (action != Action.SUPERVISE) {
          button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        if (action == Action.WITHDRAW) {
          button.addClickListener(click -> withdrawConfirmation(need).open());
        } else {
          button.addClickListener(click -> dialogFor(need, action).open());
        }
        bar.add(button);
      }
    }
    return bar;
  }

  /**
   * Staff working for a unit see 代为报告进度 / 代为办结 instead of the unit's own buttons, so what they do
   * is never mistaken for the unit's report.
   */
  private boolean asTheUnit(Need need, Action action) {
    return (action == Action.PROGRESS || action == Action.COMPLETE)
        && NeedPermissions.actsOnBehalf(user, need);
  }

  /** The unit that does the work: the responsible unit (FOR_TROOPS) or the garrison. */
  private static String assigneeName(Need need) {
    String name =
        need.direction() == Direction.FOR_TROOPS
            ? need.responsibleUnitName()
            : need.garrisonUnitName();
    return name == null ? "—" : name;
  }

  /** 撤回 asks first: a withdrawn need ends and cannot be taken up again. */
  private ConfirmDialog withdrawConfirmation(Need need) {
    return NeedActionDialogs.withdraw(
        this,
        need.title(),
        () ->
            perform(
                Action.WITHDRAW,
                Map.of(),
                () -> needs.withdraw(access.enter(tenant), id, new NeedCommands.Withdraw(null))));
  }

  private Dialog dialogFor(Need need, Action action) {
    return switch (action) {
      case ACCEPT ->
          NeedActionDialogs.accept(
              this,
              getTranslation("needs.action.ACCEPT") + " · " + need.title(),
              EnumSet.of(need.direction()),
              units.listResponsibleUnits(access.enter(tenant), null),
              units.listGarrisonUnits(access.enter(tenant), null),
              needs.today(),
              (command, fields) ->
                  perform(action, fields, () -> needs.accept(access.enter(tenant), id, command)));
      case REJECT ->
          NeedActionDialogs.reject(
              this,
              need.title(),
              (command, fields) ->
                  perform(action, fields, () -> needs.reject(access.enter(tenant), id, command)));
      case PROGRESS ->
          NeedActionDialogs.progress(
              this,
              need.percent(),
              (command, fields) ->
                  perform(action, fields, () -> needs.progress(access.enter(tenant), id, command)));
      case COMPLETE ->
          NeedActionDialogs.complete(
              this,
              (command, fields) ->
                  perform(action, fields, () -> needs.complete(access.enter(tenant), id, command)));
      case CONFIRM ->
          NeedActionDialogs.confirm(
              this,
              (command, fields) ->
                  perform(action, fields, () -> needs.confirm(access.enter(tenant), id, command)));
      case PROGRESS_ON_BEHALF ->
          NeedActionDialogs.progressOnBehalf(
              this,
              need.percent(),
              assigneeName(need),
              (command, fields) ->
                  perform(action, fields, () -> needs.progress(access.enter(tenant), id, command)));
      case COMPLETE_ON_BEHALF ->
          NeedActionDialogs.completeOnBehalf(
              this,
              assigneeName(need),
              (command, fields) ->
                  perform(action, fields, () -> needs.complete(access.enter(tenant), id, command)));
      case SUPERVISE ->
          NeedActionDialogs.supervise(
              this,
              (command, fields) ->
                  perform(
                      action, fields, () -> needs.supervise(access.enter(tenant), id, command)));
      default -> throw new IllegalArgumentException(action.name());
    };
  }

  private boolean perform(
      Action action, Map<String, HasValidation> fields, java.util.function.Supplier<Need> call) {
    Need done = Problems.attempt(this, fields, call);
    if (done == null) {
      return false;
    }
    // named as what happened: 不满意 sent the need back for rework (退回重办), it was not 销号
    Action happened = NeedWorkflow.recorded(action, done.satisfaction());
    Notices.success(
        getTranslation(
            "needs.action.done",
            getTranslation("needs.action." + happened.name()),
            NeedLabels.of(this, "status", done.status())));
    render();
    return true;
  }

  private Component fields(Need need) {
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    Function<String, Span> value = text -> new Span(text == null || text.isBlank() ? "—" : text);
    form.addFormItem(value.apply(need.year() + ""), getTranslation("needs.year"));
    form.addFormItem(
        value.apply(NeedLabels.of(this, "direction", need.direction())),
        getTranslation("needs.direction"));
    form.addFormItem(value.apply(need.category()), getTranslation("needs.category"));
    form.addFormItem(
        value.apply(NeedLabels.of(this, "source", need.source())), getTranslation("needs.source"));
    form.addFormItem(value.apply(need.garrisonUnitName()), getTranslation("needs.garrison-unit"));
    form.addFormItem(
        value.apply(need.responsibleUnitName()), getTranslation("needs.responsible-unit"));
    form.addFormItem(
        value.apply(NeedLabels.date(need.expectedBy())), getTranslation("needs.expected-by"));
    Span deadline = value.apply(NeedLabels.date(need.deadline()));
    if (need.overdue()) {
      deadline.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
    }
    form.addFormItem(deadline, getTranslation("needs.deadline"));
    form.addFormItem(
        value.apply(NeedLabels.of(this, "level", need.level())), getTranslation("needs.level"));
    Span percent = value.apply(need.percent() + "%");
    percent.setId("need-percent");
    form.addFormItem(percent, getTranslation("needs.percent"));
    if (need.rejectionReason() != null) {
      form.addFormItem(
          value.apply(need.rejectionReason()), getTranslation("needs.rejection-reason"));
    }
    if (need.satisfaction() != null) {
      String rating = NeedLabels.of(this, "satisfaction", need.satisfaction());
      if (need.satisfactionComment() != null) {
        rating += "（" + need.satisfactionComment() + "）";
      }
      form.addFormItem(value.apply(rating), getTranslation("needs.satisfaction"));
    }
    form.addFormItem(
        value.apply(String.valueOf(need.supervisionCount())),
        getTranslation("needs.supervision-count"));
    form.addFormItem(
        value.apply(NeedLabels.dateTime(need.createdAt()) + " · " + submitter(need)),
        getTranslation("needs.created-at"));
    return form;
  }

  /** Who submitted it, by the history's person for that login name (resolved with the history). */
  private String submitter(Need need) {
    Person person =
        need.history() == null
            ? null
            : need.history().stream()
                .filter(event -> event.actor().equals(need.createdBy()))
                .map(NeedEvent::actorPerson)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    return PersonLabels.of(this, person, need.createdBy());
  }

  private Component timeline(List<NeedEvent> history, String assignee) {
    VerticalLayout list = new VerticalLayout();
    list.setId("need-history");
    list.setPadding(false);
    list.setSpacing(false);
    if (history == null || history.isEmpty()) {
      list.add(new Span("—"));
      return list;
    }
    for (NeedEvent event : history) {
      Span when = new Span(NeedLabels.dateTime(event.at()));
      when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      Span what = new Span(getTranslation("needs.action." + event.action().name()));
      what.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
      String change =
          (event.from() == null ? "" : NeedLabels.of(this, "status", event.from()) + " → ")
              + NeedLabels.of(this, "status", event.to())
              + (event.percent() == null ? "" : " · " + event.percent() + "%");
      Span who = PersonLabels.span(this, event.actorPerson(), event.actor());
      Div line = new Div(when, new Span(" "), what, new Span(" "), who);
      if (NeedWorkflow.onBehalf(event.action())) {
        line.add(new Span(" " + getTranslation("needs.on-behalf.of", assignee)));
      }
      line.add(new Span(" · " + change));
      if (event.note() != null) {
        Paragraph note = new Paragraph(event.note());
        note.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.TextColor.SECONDARY);
        note.getStyle().set("white-space", "pre-wrap");
        line.add(note);
      }
      line.addClassNames(
          LumoUtility.Padding.Vertical.SMALL,
          LumoUtility.Padding.Left.MEDIUM,
          LumoUtility.Border.LEFT,
          LumoUtility.BorderColor.PRIMARY);
      list.add(line);
    }
    return list;
  }

  private Component attachmentsOf(Need need) {
    VerticalLayout box = new VerticalLayout();
    box.setId("need-attachments");
    box.setPadding(false);
    List<Attachment> files = attachments.list(access.enter(tenant), id);
    if (files.isEmpty()) {
      box.add(new Span(getTranslation("needs.attachments.empty")));
    }
    long needId = id;
    CurrentUser reader = user;
    String city = tenant;
    for (Attachment file : files) {
      Anchor link =
          new Anchor(
              DownloadHandler.fromInputStream(
                  event -> {
                    NeedAttachments.Download download =
                        attachments.download(access.enter(city), needId, file.id());
                    return new DownloadResponse(
                        new ByteArrayInputStream(download.content()),
                        file.fileName(),
                        file.contentType(),
                        download.content().length);
                  }),
              file.fileName());
      link.getElement().setAttribute("download", true);
      // who uploaded it by name and unit (issue 9), the login name only in the tooltip
      Span meta =
          new Span(
              new Span(" · " + Math.max(1, file.sizeBytes() / 1024) + " KB · "),
              PersonLabels.span(this, file.createdByPerson(), file.createdBy()),
              new Span(" · " + NeedLabels.dateTime(file.createdAt())));
      meta.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      box.add(new Div(VaadinIcon.PAPERCLIP.create(), new Span(" "), link, meta));
    }
    if (!user.has(Role.SUPERVISOR) && NeedPermissions.maySee(user, need)) {
      UI ui = UI.getCurrent();
      Upload upload =
          new Upload(
              UploadHandler.inMemory(
                  (metadata, content) -> {
                    String error = null;
                    String added = null;
                    try {
                      added =
                          attachments
                              .add(access.enter(city), needId, metadata.fileName(), content)
                              .fileName();
                    } catch (RuntimeException refused) {
                      error = Problems.message(this, refused);
                    }
                    String failure = error;
                    String name = added;
                    ui.access(
                        () -> {
                          if (failure != null) {
                            Notices.error(failure);
                          } else {
                            Notices.success(getTranslation("needs.attachment.added", name));
                            render();
                          }
                        });
                  }));
      upload.setId("need-upload");
      upload.setMaxFileSize((int) ContentTypes.MAX_BYTES);
      upload.setUploadButton(new Button(getTranslation("needs.attachment.upload")));
      upload.setDropLabel(new Span(getTranslation("needs.attachment.drop")));
      box.add(upload);
    }
    return box;
  }

  @Override
  public String getPageTitle() {
    return (title.isEmpty() ? getTranslation("needs.detail") : title)
        + " · "
        + getTranslation("app.name");
  }
}
