package cn.shuangyong.ui.fund;

import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.GrantCaps;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The city admin's grant caps per household and year (the published rule, e.g. Pinghu's 2,000 to
 * 5,000 yuan, special hardship up to 10,000). The service checks them; its field errors are shown
 * on the fields. Grants approved already keep their amounts, as the dialog says.
 */
final class CapsDialog extends FundFormDialog {
  CapsDialog(
      GrantCaps current,
      BiFunction<FundCommands.SetCaps, Map<String, HasValidation>, GrantCaps> set) {
    super("caps-form", "fundview.caps.title");
    BigDecimalField min = amount("caps-min", "fundview.caps.min", current.minAmount());
    BigDecimalField max = amount("caps-max", "fundview.caps.max", current.maxAmount());
    BigDecimalField special =
        amount("caps-special", "fundview.caps.special", current.specialMaxAmount());
    add(new FormLayout(min, max, special), new Paragraph(getTranslation("fundview.caps.hint")));
    Map<String, HasValidation> fields =
        Map.of("minAmount", min, "maxAmount", max, "specialMaxAmount", special);
    footer(
        "caps-save",
        "fundview.caps.save",
        () ->
            set.apply(
                new FundCommands.SetCaps(min.getValue(), max.getValue(), special.getValue()),
                fields));
  }

  private BigDecimalField amount(String id, String label, BigDecimal value) {
    BigDecimalField field = money(id, label);
    field.setValue(value);
    return field;
  }
}
