package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.DateFields;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The form of a new need, with its photos taken or chosen while filling it ({@link NeedFiles});
 * need and files are stored in one step. A liaison's need is its own unit's (拥军优属, {@link
 * SubmitNeedView}); the office chooses the direction and, for a garrison's need, the unit it came
 * from ({@link NewNeedView}). The form checks what it can; the service's answers (unknown category,
 * a date in the past, a file that is not what it says) appear on the fields. The routes are on the
 * two views, not here: Vaadin's {@code @Route} and {@code @Menu} are inherited.
 */
abstract class NeedEntryForm extends VerticalLayout implements HasDynamicTitle {

  /** What the form edits; the service's command is built from it. */
  static final class Draft {
    Direction direction = Direction.FOR_TROOPS;
    GarrisonUnit garrisonUnit;
    String title = "";
    String category;
    String description = "";
    LocalDate expectedBy;
    Source source = Source.COLLECTED;
  }

  private final NeedService needs;
  private final NeedAttachments attachments;
  private final CurrentUser user;

  /** The office enters needs for any garrison unit; a liaison's unit is its own. */
  private final boolean office;

  private final Binder<Draft> binder = new Binder<>();
  private final Select<Direction> direction = new Select<>();
  private final ComboBox<GarrisonUnit> garrisonUnit = new ComboBox<>();
  private final TextField title = new TextField();
  private final Select<String> category = new Select<>();
  private final TextArea description = new TextArea();
  private final DatePicker expectedBy = DateFields.create(null);
  private final Select<Source> source = new Select<>();
  private final NeedFiles files;

  private final TenantAccess access;

  NeedEntryForm(
      TenantAccess access, NeedService needs, NeedAttachments attachments, UnitService units) {
    this.access = access;
    this.needs = needs;
    this.attachments = attachments;
    this.user = UiSession.requireUser();
    this.office = !user.has(Role.GARRISON_LIAISON) && user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF);
    this.files = new NeedFiles(this, attachments::check);
    setId("submit-need");
    setMaxWidth("48em");
    setPadding(true);
    addClassNames(LumoUtility.Margin.Horizontal.AUTO);

    setUpFields(units);
    bind();
    Draft start = new Draft();
    start.source = office ? Source.VISIT : Source.COLLECTED;
    binder.readBean(start);

    FormLayout form = new FormLayout();
    if (office) {
      form.add(direction, garrisonUnit);
    }
    form.add(title, category, description, expectedBy, source);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
    form.setColspan(title, 2);
    form.setColspan(description, 2);
    form.setWidthFull();

    Button submit = new Button(getTranslation("needs.submit.button"), click -> submit());
    submit.setId("submit-need-button");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.setWidthFull();
    Paragraph help = new Paragraph(getTranslation(office ? "needs.new.help" : "needs.submit.help"));
    help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    add(ViewTitle.of(heading()), help, form, files, submit);
  }

  private String heading() {
    return getTranslation(office ? "nav.needs-new" : "nav.needs-submit");
  }

  private void setUpFields(UnitService units) {
    direction.setLabel(getTranslation("needs.direction"));
    direction.setId("need-direction");
    direction.setItems(Direction.values());
    direction.setItemLabelGenerator(value -> NeedLabels.of(this, "direction", value));
    garrisonUnit.setLabel(getTranslation("needs.garrison-unit.from"));
    garrisonUnit.setId("need-garrison-unit");
    garrisonUnit.setItemLabelGenerator(GarrisonUnit::name);
    garrisonUnit.setClearButtonVisible(true);
    if (office) {
      garrisonUnit.setItems(units.listGarrisonUnits(access.own(), null));
      direction.addValueChangeListener(
          event -> {
            boolean troops = event.getValue() != Direction.FOR_CIVILIANS;
            garrisonUnit.setVisible(troops);
            if (!troops) {
              garrisonUnit.clear();
            }
          });
    }
    title.setLabel(getTranslation("needs.title"));
    title.setId("need-title");
    title.setMaxLength(200);
    title.setPlaceholder(getTranslation("needs.title.placeholder"));
    // its "required" message goes as the title is typed, not only when the field is left
    title.setValueChangeMode(ValueChangeMode.EAGER);
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
    DateFields.earliest(expectedBy, needs.today());
    expectedBy.setClearButtonVisible(true);
    source.setLabel(getTranslation("needs.source"));
    source.setId("need-source");
    source.setItems(Source.values());
    source.setItemLabelGenerator(value -> NeedLabels.of(this, "source", value));
  }

  private void bind() {
    binder
        .forField(direction)
        .asRequired(getTranslation("needs.direction.required"))
        .bind(d -> d.direction, (d, v) -> d.direction = v);
    binder
        .forField(garrisonUnit)
        .withValidator(
            unit -> !office || unit != null || direction.getValue() == Direction.FOR_CIVILIANS,
            getTranslation("needs.garrison-unit.from.required"))
        .bind(d -> d.garrisonUnit, (d, v) -> d.garrisonUnit = v);
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
  }

  private void submit() {
    Draft draft = new Draft();
    if (!binder.writeBeanIfValid(draft)) {
      return;
    }
    Direction chosen = office ? draft.direction : Direction.FOR_TROOPS;
    NeedCommands.Submit command =
        new NeedCommands.Submit(
            chosen,
            draft.title.trim(),
            draft.description,
            draft.category,
            office && chosen == Direction.FOR_TROOPS ? draft.garrisonUnit.id() : null,
            draft.expectedBy,
            draft.source,
            null);
    Map<String, HasValidation> fields = new HashMap<>();
    fields.put("direction", direction);
    fields.put("garrisonUnitId", garrisonUnit);
    fields.put("title", title);
    fields.put("category", category);
    fields.put("description", description);
    fields.put("expectedBy", expectedBy);
    fields.put("source", source);
    Need need =
        Problems.attempt(
            this, fields, () -> attachments.submitWith(access.own(), command, files.pending()));
    if (need != null) {
      Notices.success(getTranslation(office ? "needs.entered" : "needs.submitted", need.title()));
      getUI()
          .ifPresent(ui -> ui.navigate(NeedDetailView.class, NeedDetailView.parameters(need.id())));
    }
  }

  @Override
  public String getPageTitle() {
    return heading() + " · " + getTranslation("app.name");
  }
}
