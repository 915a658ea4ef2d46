package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.time.LocalDate;
import java.util.Map;

/**
 * 提交需求: the garrison liaison's phone-friendly form for a need of its own unit (拥军优属). The form
 * checks what it can; the service's answers (unknown category, a date in the past) appear on the
 * fields.
 */
@Prototype
@Route(value = "needs/new", layout = MainLayout.class)
@Menu(title = "nav.needs-submit", order = 20, icon = "vaadin:plus-circle")
@RequiresRole(Role.GARRISON_LIAISON)
public class SubmitNeedView extends VerticalLayout implements HasDynamicTitle {

  /** What the form edits; the service's command is built from it. */
  static final class Draft {
    String title = "";
    String category;
    String description = "";
    LocalDate expectedBy;
    Source source = Source.COLLECTED;
  }

  private final NeedService needs;
  private final CurrentUser user;
  private final Binder<Draft> binder = new Binder<>();
  private final TextField title = new TextField();
  private final Select<String> category = new Select<>();
  private final TextArea description = new TextArea();
  private final DatePicker expectedBy = new DatePicker();
  private final Select<Source> source = new Select<>();

  private final TenantAccess access;

  public SubmitNeedView(TenantAccess access, NeedService needs) {
    this.access = access;
    this.needs = needs;
    this.user = UiSession.requireUser();
    setId("submit-need");
    setMaxWidth("48em");
    setPadding(true);
    addClassNames(LumoUtility.Margin.Horizontal.AUTO);

    title.setLabel(getTranslation("needs.title"));
    title.setId("need-title");
    title.setMaxLength(200);
    title.setPlaceholder(getTranslation("needs.title.placeholder"));
    category.setLabel(getTranslation("needs.category"));
    category.setId("need-category");
    category.setItems(needs.categories(access.own()));
    category.setEmptySelectionAllowed(false);
    description.setLabel(getTranslation("needs.description"));
    description.setId("need-description");
    description.setMaxLength(4000);
    description.setMinHeight("8em");
    expectedBy.setLabel(getTranslation("needs.expected-by"));
    expectedBy.setId("need-expected-by");
    expectedBy.setMin(needs.today());
    expectedBy.setClearButtonVisible(true);
    source.setLabel(getTranslation("needs.source"));
    source.setId("need-source");
    source.setItems(Source.values());
    source.setItemLabelGenerator(value -> NeedLabels.of(this, "source", value));

    binder
        .forField(title)
        .asRequired(getTranslation("needs.title.required"))
        .withValidator(new StringLengthValidator(getTranslation("needs.title.too-long"), 1, 200))
        .bind(d -> d.title, (d, v) -> d.title = v);
    binder
        .forField(category)
        .asRequired(getTranslation("needs.category.required"))
        .bind(d -> d.category, (d, v) -> d.category = v);
    binder
        .forField(description)
        .withValidator(
            new StringLengthValidator(getTranslation("needs.description.too-long"), 0, 4000))
        .bind(d -> d.description, (d, v) -> d.description = v);
    binder
        .forField(expectedBy)
        .withValidator(
            date -> date == null || !date.isBefore(needs.today()), getTranslation("need.date.past"))
        .bind(d -> d.expectedBy, (d, v) -> d.expectedBy = v);
    binder
        .forField(source)
        .asRequired(getTranslation("needs.source.required"))
        .bind(d -> d.source, (d, v) -> d.source = v);
    binder.readBean(new Draft());

    FormLayout form = new FormLayout(title, category, description, expectedBy, source);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
    form.setColspan(title, 2);
    form.setColspan(description, 2);
    form.setWidthFull();

    Button submit = new Button(getTranslation("needs.submit.button"), click -> submit());
    submit.setId("submit-need-button");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.setWidthFull();
    Paragraph help = new Paragraph(getTranslation("needs.submit.help"));
    help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    add(new H2(getTranslation("nav.needs-submit")), help, form, submit);
  }

  private void submit() {
    Draft draft = new Draft();
    if (!binder.writeBeanIfValid(draft)) {
      return;
    }
    NeedCommands.Submit command =
        new NeedCommands.Submit(
            Direction.FOR_TROOPS,
            draft.title.trim(),
            draft.description,
            draft.category,
            null,
            draft.expectedBy,
            draft.source,
            null);
    Need need =
        Problems.attempt(
            this,
            Map.of(
                "title", title,
                "category", category,
                "description", description,
                "expectedBy", expectedBy,
                "source", source),
            () -> needs.submit(access.own(), command));
    if (need != null) {
      Notices.success(getTranslation("needs.submitted", need.title()));
      getUI()
          .ifPresent(ui -> ui.navigate(NeedDetailView.class, NeedDetailView.parameters(need.id())));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.needs-submit") + " · " + getTranslation("app.name");
  }
}
