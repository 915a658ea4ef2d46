package cn.shuangyong.ui.fund;

import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.Grant;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The office's form of an application (帮扶申请): the applicant, the household, the reason and the
 * amount asked for, special hardship and urgency with their reasons. It only collects; the service
 * checks the ID number (18 digits, its birth date and check character), the phone, the household
 * and the money, and its field errors are shown on the fields. Papers are added on the grant's
 * page.
 */
final class GrantFormDialog extends FundFormDialog {
  GrantFormDialog(BiFunction<FundCommands.Apply, Map<String, HasValidation>, Grant> submit) {
    super("grant-form", "fundview.apply.title");
    TextField name = text("grant-applicant-name", "grants.applicant", 50);
    Select<ApplicantType> type = new Select<>();
    type.setId("grant-applicant-type");
    type.setLabel(getTranslation("grants.applicant-type"));
    type.setItems(ApplicantType.values());
    type.setItemLabelGenerator(t -> FundLabels.type(this, t));
    type.setValue(ApplicantType.VETERAN);
    TextField idNumber = text("grant-id-number", "grants.id-number", 18);
    idNumber.setHelperText(getTranslation("fundview.apply.id-help"));
    TextField phone = text("grant-phone", "grants.phone", 20);
    IntegerField household = new IntegerField(getTranslation("grants.household-size"));
    household.setId("grant-household-size");
    household.setRequiredIndicatorVisible(true);
    household.setStepButtonsVisible(true);
    household.setMin(1);
    household.setMax(30);
    BigDecimalField income = money("grant-income", "grants.income");
    BigDecimalField requested = money("grant-requested", "grants.requested");
    TextArea reason = new TextArea(getTranslation("grants.reason"));
    reason.setId("grant-reason");
    reason.setMaxLength(2000);
    reason.setRequiredIndicatorVisible(true);
    Checkbox special = new Checkbox(getTranslation("fundview.apply.special"));
    special.setId("grant-special");
    TextArea specialReason = new TextArea(getTranslation("fundview.apply.special-reason"));
    specialReason.setId("grant-special-reason");
    specialReason.setMaxLength(2000);
    specialReason.setVisible(false);
    special.addValueChangeListener(e -> specialReason.setVisible(e.getValue()));
    Checkbox urgent = new Checkbox(getTranslation("fundview.apply.urgent"));
    urgent.setId("grant-urgent");
    TextArea urgentReason = new TextArea(getTranslation("fundview.apply.urgent-reason"));
    urgentReason.setId("grant-urgent-reason");
    urgentReason.setMaxLength(2000);
    urgentReason.setVisible(false);
    urgent.addValueChangeListener(e -> urgentReason.setVisible(e.getValue()));
    FormLayout form =
        new FormLayout(
            name,
            type,
            idNumber,
            phone,
            household,
            income,
            requested,
            reason,
            special,
            specialReason,
            urgent,
            urgentReason);
    form.setColspan(reason, 2);
    form.setColspan(specialReason, 2);
    form.setColspan(urgentReason, 2);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    add(form);
    Map<String, HasValidation> fields = new LinkedHashMap<>();
    fields.put("applicantName", name);
    fields.put("idNumber", idNumber);
    fields.put("phone", phone);
    fields.put("householdSize", household);
    fields.put("income12Months", income);
    fields.put("requestedAmount", requested);
    fields.put("reason", reason);
    fields.put("specialReason", specialReason);
    fields.put("urgentReason", urgentReason);
    footer(
        "grant-save",
        "fundview.apply.save",
        () ->
            submit.apply(
                new FundCommands.Apply(
                    name.getValue(),
                    type.getValue(),
                    idNumber.getValue(),
                    phone.getValue(),
                    household.getValue(),
                    income.getValue(),
                    reason.getValue(),
                    requested.getValue(),
                    special.getValue(),
                    special.getValue() ? specialReason.getValue() : null,
                    urgent.getValue(),
                    urgent.getValue() ? urgentReason.getValue() : null),
                fields));
  }

  private TextField text(String id, String label, int max) {
    TextField field = new TextField(getTranslation(label));
    field.setId(id);
    field.setMaxLength(max);
    field.setRequiredIndicatorVisible(true);
    return field;
  }
}
