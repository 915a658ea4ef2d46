package cn.shuangyong.ui.fund;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.function.Supplier;

/**
 * What the fund's forms share: a money field in yuan, and a footer whose save button hands the form
 * to the page (which asks the service and shows its field errors) and closes the dialog once the
 * page has something back.
 */
abstract class FundFormDialog extends Dialog {
  FundFormDialog(String id, String titleKey) {
    setId(id);
    setHeaderTitle(getTranslation(titleKey));
  }

  /** A required amount in yuan. */
  final BigDecimalField money(String id, String labelKey) {
    BigDecimalField field = new BigDecimalField(getTranslation(labelKey));
    field.setId(id);
    field.setRequiredIndicatorVisible(true);
    field.setSuffixComponent(new Span(getTranslation("fundview.yuan")));
    return field;
  }

  /** 关闭 and the primary save button, which closes the dialog when {@code save} gives a result. */
  final void footer(String saveId, String saveKey, Supplier<?> save) {
    Button button =
        new Button(
            getTranslation(saveKey),
            click -> {
              if (save.get() != null) {
                close();
              }
            });
    button.setId(saveId);
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("fundview.close"), click -> close()), button);
  }
}
