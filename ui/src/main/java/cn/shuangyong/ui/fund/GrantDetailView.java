package cn.shuangyong.ui.fund;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.fund.api.FundPermissions;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundWorkflow;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantAttachments;
import cn.shuangyong.tenants.fund.api.GrantEvent;
import cn.shuangyong.tenants.fund.api.GrantPersonalData;
import cn.shuangyong.tenants.fund.api.GrantService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.PersonLabels;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.Timeline;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * 帮扶申请详情: the applicant (ID number and phone masked; the office may show them, each time audited),
 * the household, the amounts, the papers, the household's other grants and the timeline of every
 * step (who, when, note), with only the steps the user may take now, each confirmed in a dialog
 * ({@link GrantStepDialogs}). The service decides again on every step.
 */
@Prototype
@Route(value = "fund/grants/:id([0-9]{1,12})", layout = MainLayout.class)
public class GrantDetailView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {
  private final GrantService grants;
  private final GrantAttachments attachments;
  private final TenantAccess access;
  private final CurrentUser user;
  private long id;
  private String title = "";

  public GrantDetailView(TenantAccess access, GrantService grants, GrantAttachments attachments) {
    this.access = access;
    this.grants = grants;
    this.attachments = attachments;
    this.user = UiSession.requireUser();
    setId("grant-detail");
    setMaxWidth("64em");
  }

  static void open(long id) {
    UI.getCurrent().navigate(GrantDetailView.class, new RouteParameters("id", String.valueOf(id)));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    id = event.getRouteParameters().getLong("id").orElse(-1L);
    render();
  }

  void render() {
    removeAll();
    Grant grant;
    try {
      grant = grants.find(access.own(), id);
    } catch (ProblemException | IllegalArgumentException problem) {
      add(ViewTitle.of(getTranslation("fundview.grant.not-found")));
      return;
    }
    title =
        getTranslation("fundview.grant.title", String.valueOf(grant.id()), grant.applicantName());
    H1 heading = ViewTitle.of(title);
    heading.setId("grant-heading");
    heading.addClassNames(LumoUtility.Margin.Bottom.NONE);
    Component badges = FundLabels.badges(this, grant);
    badges.setId("grant-status");
    add(heading, badges, actions(grant), fields(grant));
    add(section("fundview.grant.papers"), papers(grant));
    if (!grant.householdGrants().isEmpty()) {
      add(section("fundview.grant.household"), household(grant));
    }
    add(section("fundview.grant.history"), timeline(grant.history()));
  }

  private H2 section(String key) {
    H2 heading = new H2(getTranslation(key));
    heading.addClassNames(LumoUtility.FontSize.LARGE);
    return heading;
  }

  private Component actions(Grant grant) {
    FlexLayout bar = new FlexLayout();
    bar.setId("grant-actions");
    bar.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.FlexWrap.WRAP);
    GrantStepDialogs dialogs = new GrantStepDialogs(this, grants, access::own, grant, this::render);
    for (Action action :
        List.of(
            Action.REVIEW, Action.APPROVE, Action.REJECT, Action.PAY, Action.COMPLETE_PAPERWORK)) {
      if (FundPermissions.mayDo(user, action)
          && FundWorkflow.allows(
              grant.status(), action, grant.urgent(), grant.paperworkPending())) {
        dialogs.buttons(action).forEach(bar::add);
      }
    }
    return bar;
  }

  private Component fields(Grant grant) {
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    form.addFormItem(
        new Span(FundLabels.type(this, grant.applicantType())),
        getTranslation("grants.applicant-type"));
    form.addFormItem(new Span(String.valueOf(grant.year())), getTranslation("grants.year"));
    Span idNumber = new Span(grant.idNumber());
    idNumber.setId("grant-id-number");
    Span phone = new Span(grant.phone());
    phone.setId("grant-phone");
    form.addFormItem(idNumber, getTranslation("grants.id-number"));
    form.addFormItem(phone, getTranslation("grants.phone"));
    if (FundPermissions.mayOpenPersonalData(user)) {
      Button show =
          new Button(
              getTranslation("fundview.grant.unmask"),
              VaadinIcon.EYE.create(),
              click -> {
                GrantPersonalData plain =
                    Problems.attempt(this, () -> grants.personalData(access.own(), id));
                if (plain != null) {
                  idNumber.setText(plain.idNumber());
                  phone.setText(plain.phone());
                  click.getSource().setVisible(false);
                }
              });
      show.setId("grant-unmask");
      show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      form.add(show);
    }
    form.addFormItem(
        new Span(String.valueOf(grant.householdSize())), getTranslation("grants.household-size"));
    form.addFormItem(
        new Span(FundLabels.money(grant.income12Months())), getTranslation("grants.income"));
    form.addFormItem(
        amount("grant-requested-value", grant.requestedAmount()),
        getTranslation("grants.requested"));
    form.addFormItem(
        amount("grant-approved-value", grant.approvedAmount()), getTranslation("grants.approved"));
    form.addFormItem(amount("grant-paid-value", grant.paidAmount()), getTranslation("grants.paid"));
    if (grant.paidOn() != null) {
      form.addFormItem(
          new Span(grant.paidOn() + " · " + grant.paidReference()),
          getTranslation("grants.paid-on"));
    }
    Span reason = new Span(grant.reason());
    form.addFormItem(reason, getTranslation("grants.reason"));
    if (grant.special()) {
      form.addFormItem(new Span(grant.specialReason()), getTranslation("fundview.apply.special"));
    }
    if (grant.urgent()) {
      form.addFormItem(new Span(grant.urgentReason()), getTranslation("fundview.apply.urgent"));
    }
    if (grant.reviewNote() != null) {
      form.addFormItem(new Span(grant.reviewNote()), getTranslation("fundview.grant.review-note"));
    }
    if (grant.rejectReason() != null) {
      form.addFormItem(
          new Span(grant.rejectReason()), getTranslation("fundview.grant.reject-reason"));
    }
    return form;
  }

  private static Span amount(String id, java.math.BigDecimal value) {
    Span span = new Span(FundLabels.money(value));
    span.setId(id);
    return span;
  }

  private Component papers(Grant grant) {
    VerticalLayout list = new VerticalLayout();
    list.setId("grant-papers");
    list.setPadding(false);
    boolean office = FundPermissions.mayOpenPersonalData(user);
    if (grant.attachments().isEmpty()) {
      list.add(EmptyState.nothingYet(getTranslation("fundview.grant.papers.empty")));
    }
    for (Attachment paper : grant.attachments()) {
      if (office) {
        Anchor link =
            new Anchor(
                DownloadHandler.fromInputStream(
                    event -> {
                      GrantAttachments.Download file =
                          attachments.download(access.own(), id, paper.id());
                      return new DownloadResponse(
                          new ByteArrayInputStream(file.content()),
                          paper.fileName(),
                          paper.contentType(),
                          file.content().length);
                    }),
                paper.fileName());
        link.getElement().setAttribute("download", true);
        link.addClassName("grant-paper");
        list.add(new Div(link));
      } else {
        list.add(new Div(new Span(paper.fileName())));
      }
    }
    if (FundPermissions.mayDo(user, Action.ATTACH)
        && FundWorkflow.allows(grant.status(), Action.ATTACH, false, false)) {
      list.add(upload());
    }
    return list;
  }

  private Upload upload() {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setId("grant-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) ContentTypes.MAX_BYTES);
    upload.setAcceptedFileTypes("image/*", ".pdf", ".doc", ".docx", ".xls", ".xlsx");
    upload.setDropLabel(new Span(getTranslation("fundview.grant.papers.drop")));
    upload.setUploadButton(
        new Button(getTranslation("fundview.grant.papers.add"), VaadinIcon.UPLOAD.create()));
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, content) ->
                ui.access(
                    () -> {
                      Attachment kept =
                          Problems.attempt(
                              this,
                              () ->
                                  attachments.attach(
                                      access.own(), id, metadata.fileName(), content));
                      if (kept != null) {
                        Notices.success(
                            getTranslation("fundview.grant.papers.kept", kept.fileName()));
                        render();
                      }
                    })));
    return upload;
  }

  private Component household(Grant grant) {
    VerticalLayout list = new VerticalLayout();
    list.setId("grant-household");
    list.setPadding(false);
    list.setSpacing(false);
    for (Grant.HouseholdGrant other : grant.householdGrants()) {
      Anchor link =
          new Anchor(
              "fund/grants/" + other.id(),
              getTranslation(
                  "fundview.grant.household.line",
                  String.valueOf(other.id()),
                  String.valueOf(other.year()),
                  FundLabels.status(this, other.status()),
                  FundLabels.money(
                      other.amount() == null ? other.requestedAmount() : other.amount())));
      list.add(new Div(link));
    }
    return list;
  }

  private Component timeline(List<GrantEvent> history) {
    Timeline lines = new Timeline("grant-timeline", "grant-event");
    for (GrantEvent event : history) {
      lines
          .line(
              event.at(),
              getTranslation("fundview.action." + event.action().name()),
              PersonLabels.span(this, event.actorPerson(), event.actor()))
          .fact(
              event.from() != null && event.from() != event.to()
                  ? FundLabels.status(this, event.from())
                      + " → "
                      + FundLabels.status(this, event.to())
                  : null)
          .fact(event.amount() == null ? null : FundLabels.money(event.amount()))
          .fact(event.note());
    }
    return lines;
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
