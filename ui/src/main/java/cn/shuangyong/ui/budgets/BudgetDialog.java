package cn.shuangyong.ui.budgets;

import cn.shuangyong.tenants.budgets.api.Budget;
import cn.shuangyong.tenants.budgets.api.BudgetCategory;
import cn.shuangyong.tenants.budgets.api.BudgetCommands;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The city admin's form of a year's budget: one amount per category (empty: no line). It only
 * collects the lines; the service decides, and its field errors are shown on the amounts.
 */
final class BudgetDialog extends Dialog {
  BudgetDialog(
      int year,
      List<BudgetCategory> categories,
      Budget current,
      Function<Submission, Budget> submit) {
    setHeaderTitle(getTranslation("budgets.set.title", String.valueOf(year)));
    setId("budget-form");
    Map<String, Budget.Line> kept = new HashMap<>();
    current.lines().forEach(line -> kept.put(line.category(), line));
    FormLayout form = new FormLayout();
    List<BudgetCategory> shown = new ArrayList<>();
    List<BigDecimalField> amounts = new ArrayList<>();
    for (BudgetCategory category : categories) {
      if (!category.active() && !kept.containsKey(category.name())) {
        continue;
      }
      BigDecimalField amount = new BigDecimalField(category.name());
      amount.setId("budget-amount-" + shown.size());
      amount.setSuffixComponent(new Span(getTranslation("budgets.yuan")));
      Budget.Line line = kept.get(category.name());
      if (line != null) {
        amount.setValue(line.budgeted());
      }
      shown.add(category);
      amounts.add(amount);
      form.add(amount);
    }
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 3));
    add(form);
    Button save =
        new Button(
            getTranslation("budgets.save"),
            click -> {
              List<BudgetCommands.LineInput> lines = new ArrayList<>();
              Map<String, HasValidation> fields = new HashMap<>();
              for (int i = 0; i < shown.size(); i++) {
                if (amounts.get(i).getValue() != null) {
                  fields.put("lines[" + lines.size() + "].amount", amounts.get(i));
                  fields.put("lines[" + lines.size() + "].category", amounts.get(i));
                  lines.add(
                      new BudgetCommands.LineInput(shown.get(i).name(), amounts.get(i).getValue()));
                }
              }
              if (submit.apply(new Submission(new BudgetCommands.SetBudget(lines), fields))
                  != null) {
                close();
              }
            });
    save.setId("budget-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("budgets.close"), click -> close()), save);
  }

  /** The budget and the fields its errors are shown on. */
  record Submission(BudgetCommands.SetBudget command, Map<String, HasValidation> fields) {}
}
