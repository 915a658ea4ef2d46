package cn.shuangyong.ui.budgets;

import cn.shuangyong.tenants.budgets.api.BudgetCommands;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.ui.support.DateFields;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The office's form of an expenditure on a line of the year's budget. It only collects the fields;
 * the service decides (a date outside the year, spending past the line without a reason), and its
 * field errors are shown on the fields.
 */
final class ExpenditureDialog extends Dialog {
  ExpenditureDialog(int year, List<String> categories, Function<Submission, Expenditure> submit) {
    setHeaderTitle(getTranslation("budgets.record.title", String.valueOf(year)));
    setId("expenditure-form");
    DatePicker date = DateFields.create(getTranslation("expenditures.date"));
    date.setId("expenditure-date");
    date.setRequiredIndicatorVisible(true);
    DateFields.earliest(date, LocalDate.of(year, 1, 1));
    DateFields.latest(date, LocalDate.of(year, 12, 31));
    ComboBox<String> category = new ComboBox<>(getTranslation("expenditures.category"));
    category.setId("expenditure-category");
    category.setItems(categories);
    category.setRequiredIndicatorVisible(true);
    BigDecimalField amount = new BigDecimalField(getTranslation("expenditures.amount"));
    amount.setId("expenditure-amount");
    amount.setRequiredIndicatorVisible(true);
    amount.setSuffixComponent(new Span(getTranslation("budgets.yuan")));
    TextField payee = new TextField(getTranslation("expenditures.payee"));
    payee.setId("expenditure-payee");
    payee.setMaxLength(200);
    payee.setRequiredIndicatorVisible(true);
    TextArea purpose = new TextArea(getTranslation("expenditures.purpose"));
    purpose.setId("expenditure-purpose");
    purpose.setMaxLength(2000);
    purpose.setRequiredIndicatorVisible(true);
    TextArea reason = new TextArea(getTranslation("expenditures.over-budget-reason"));
    reason.setId("expenditure-over-budget-reason");
    reason.setMaxLength(2000);
    reason.setHelperText(getTranslation("budgets.over-budget.help"));
    FormLayout form = new FormLayout(date, category, amount, payee, purpose, reason);
    form.setColspan(purpose, 2);
    form.setColspan(reason, 2);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    add(form);
    Map<String, HasValidation> fields =
        Map.of(
            "date", date,
            "category", category,
            "amount", amount,
            "payee", payee,
            "purpose", purpose,
            "overBudgetReason", reason);
    Button save =
        new Button(
            getTranslation("budgets.record.save"),
            click -> {
              BudgetCommands.RecordExpenditure command =
                  new BudgetCommands.RecordExpenditure(
                      date.getValue(),
                      amount.getValue(),
                      category.getValue() == null ? "" : category.getValue(),
                      payee.getValue(),
                      purpose.getValue(),
                      null,
                      null,
                      reason.getValue(),
                      year);
              if (submit.apply(new Submission(command, fields)) != null) {
                close();
              }
            });
    save.setId("expenditure-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("budgets.close"), click -> close()), save);
  }

  /** The command and the fields its errors are shown on. */
  record Submission(BudgetCommands.RecordExpenditure command, Map<String, HasValidation> fields) {}
}
