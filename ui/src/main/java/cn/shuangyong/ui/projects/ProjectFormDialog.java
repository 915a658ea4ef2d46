package cn.shuangyong.ui.projects;

import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.ui.support.DateFields;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 新建项目, or 编辑项目 with a project's fields filled in: a dumb form that builds the command and hands it
 * to {@code submit}; the service decides, and its field errors are shown on the fields ({@code
 * submit} answers null then).
 */
final class ProjectFormDialog extends Dialog {
  ProjectFormDialog(
      List<GarrisonUnit> garrisonUnits,
      List<ResponsibleUnit> responsibleUnits,
      Function<Submission, Project> submit) {
    this(garrisonUnits, responsibleUnits, null, submit);
  }

  /** The form of {@code editing}'s fields (a new project's when null). */
  ProjectFormDialog(
      List<GarrisonUnit> garrisonUnits,
      List<ResponsibleUnit> responsibleUnits,
      @Nullable Project editing,
      Function<Submission, Project> submit) {
    setHeaderTitle(getTranslation(editing == null ? "projects.new" : "projects.edit.title"));
    setId("project-form");
    TextField name = new TextField(getTranslation("projects.name"));
    name.setId("project-name");
    name.setMaxLength(200);
    name.setRequiredIndicatorVisible(true);
    TextField category = new TextField(getTranslation("projects.category"));
    category.setId("project-category");
    category.setMaxLength(50);
    category.setRequiredIndicatorVisible(true);
    MultiSelectComboBox<GarrisonUnit> garrisons =
        new MultiSelectComboBox<>(getTranslation("projects.garrison-units"));
    garrisons.setId("project-garrison-units");
    garrisons.setItems(garrisonUnits);
    garrisons.setItemLabelGenerator(GarrisonUnit::name);
    ComboBox<ResponsibleUnit> responsible =
        new ComboBox<>(getTranslation("projects.responsible-unit"));
    responsible.setId("project-responsible-unit");
    responsible.setItems(responsibleUnits);
    responsible.setItemLabelGenerator(ResponsibleUnit::name);
    BigDecimalField budget = new BigDecimalField(getTranslation("projects.budget"));
    budget.setId("project-budget");
    budget.setSuffixComponent(new com.vaadin.flow.component.html.Span("元"));
    Select<FundingSource> funding = new Select<>();
    funding.setLabel(getTranslation("projects.funding-source"));
    funding.setId("project-funding-source");
    funding.setItems(FundingSource.values());
    funding.setItemLabelGenerator(
        source -> getTranslation("projects.funding-source." + source.name()));
    funding.setValue(FundingSource.FISCAL);
    DatePicker start = DateFields.create(getTranslation("projects.planned-start"));
    start.setId("project-planned-start");
    DatePicker end = DateFields.create(getTranslation("projects.planned-end"));
    end.setId("project-planned-end");
    if (editing != null) {
      name.setValue(editing.name());
      category.setValue(editing.category());
      garrisons.setValue(
          garrisonUnits.stream().filter(u -> editing.garrisonUnitIds().contains(u.id())).toList());
      responsibleUnits.stream()
          .filter(u -> u.id() == editing.responsibleUnitId())
          .findFirst()
          .ifPresent(responsible::setValue);
      budget.setValue(editing.budget());
      funding.setValue(editing.fundingSource());
      start.setValue(editing.plannedStart());
      end.setValue(editing.plannedEnd());
    }
    FormLayout form =
        new FormLayout(name, category, garrisons, responsible, budget, funding, start, end);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    add(form);
    Map<String, HasValidation> fields =
        Map.of(
            "name", name,
            "category", category,
            "garrisonUnitIds", garrisons,
            "responsibleUnitId", responsible,
            "budget", budget,
            "plannedStart", start,
            "plannedEnd", end);
    Button save =
        new Button(
            getTranslation(editing == null ? "projects.create" : "projects.edit.save"),
            click -> {
              ProjectCommands.Create command =
                  new ProjectCommands.Create(
                      name.getValue(),
                      category.getValue(),
                      garrisons.getValue().stream().map(GarrisonUnit::id).toList(),
                      responsible.getValue() == null ? null : responsible.getValue().id(),
                      budget.getValue(),
                      funding.getValue(),
                      start.getValue(),
                      end.getValue(),
                      null,
                      null);
              if (submit.apply(new Submission(command, fields)) != null) {
                close();
              }
            });
    save.setId("project-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("projects.close"), click -> close());
    getFooter().add(cancel, save);
  }

  /** The command and the fields its errors are shown on. */
  record Submission(ProjectCommands.Create command, Map<String, HasValidation> fields) {
    /** The same fields as a correction of a project. */
    ProjectCommands.Update update() {
      return new ProjectCommands.Update(
          command.name(),
          command.category(),
          command.garrisonUnitIds(),
          command.responsibleUnitId(),
          command.budget(),
          command.fundingSource(),
          command.plannedStart(),
          command.plannedEnd());
    }
  }
}
