package cn.shuangyong.ui.fund;

import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import cn.shuangyong.tenants.fund.api.Inflow;
import cn.shuangyong.ui.support.DateFields;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Money into the fund: 财政拨款 or 社会捐赠 (the donor then named). The service decides; its field errors
 * are shown on the fields.
 */
final class InflowDialog extends FundFormDialog {
  InflowDialog(
      LocalDate today,
      BiFunction<FundCommands.RecordInflow, Map<String, HasValidation>, Inflow> record) {
    super("inflow-form", "fundview.inflow.title");
    DatePicker date = DateFields.create(getTranslation("fundview.inflow.date"));
    date.setId("inflow-date");
    date.setValue(today);
    DateFields.latest(date, today);
    Select<InflowSource> source = new Select<>();
    source.setId("inflow-source");
    source.setLabel(getTranslation("fundview.inflow.source"));
    source.setItems(InflowSource.values());
    source.setItemLabelGenerator(s -> getTranslation("fundview.source." + s.name()));
    source.setValue(InflowSource.FISCAL);
    BigDecimalField amount = money("inflow-amount", "fundview.inflow.amount");
    TextField donor = new TextField(getTranslation("fundview.inflow.donor"));
    donor.setId("inflow-donor");
    donor.setMaxLength(200);
    donor.setVisible(false);
    source.addValueChangeListener(e -> donor.setVisible(e.getValue() == InflowSource.DONATION));
    TextArea note = new TextArea(getTranslation("fundview.inflow.note"));
    note.setId("inflow-note");
    note.setMaxLength(2000);
    FormLayout form = new FormLayout(date, source, amount, donor, note);
    form.setColspan(note, 2);
    add(form);
    Map<String, HasValidation> fields =
        Map.of("date", date, "amount", amount, "donor", donor, "note", note);
    footer(
        "inflow-save",
        "fundview.inflow.save",
        () ->
            record.apply(
                new FundCommands.RecordInflow(
                    date.getValue(),
                    amount.getValue(),
                    source.getValue(),
                    donor.isVisible() ? donor.getValue() : null,
                    note.getValue()),
                fields));
  }
}
