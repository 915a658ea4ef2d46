package cn.shuangyong.ui.units;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A dumb create/edit form for a unit: validates inline with the bundle's messages and hands a valid
 * draft to {@code onSave}, which answers whether it was accepted (the dialog then closes).
 */
class UnitFormDialog<K> extends Dialog {
  private final Binder<UnitDraft<K>> binder = new Binder<>();
  private final TextField name = new TextField();
  private final UnitDraft<K> draft;
  private final Predicate<UnitDraft<K>> onSave;

  UnitFormDialog(
      String title,
      String kindLabel,
      K[] kinds,
      Function<K, String> kindLabels,
      UnitDraft<K> draft,
      Predicate<UnitDraft<K>> onSave) {
    this.draft = draft;
    this.onSave = onSave;
    setHeaderTitle(title);
    name.setLabel(getTranslation("unit.name"));
    name.setId("unit-name");
    name.setMaxLength(100);
    // its "required" message goes as the name is typed, not only when the field is left
    name.setValueChangeMode(ValueChangeMode.EAGER);
    Select<K> kind = new Select<>();
    kind.setId("unit-kind");
    kind.setLabel(kindLabel);
    kind.setItems(kinds);
    kind.setItemLabelGenerator(kindLabels::apply);
    TextField contactName = new TextField(getTranslation("unit.contact-name"));
    contactName.setMaxLength(50);
    TextField contactPhone = new TextField(getTranslation("unit.contact-phone"));
    contactPhone.setMaxLength(30);

    binder
        .forField(name)
        .asRequired(getTranslation("validation.NotBlank"))
        .withValidator(new StringLengthValidator(getTranslation("validation.Size", 1, 100), 1, 100))
        .bind(UnitDraft::name, UnitDraft::name);
    binder
        .forField(kind)
        .asRequired(getTranslation("validation.NotNull"))
        .bind(UnitDraft::kind, UnitDraft::kind);
    binder
        .forField(contactName)
        .withValidator(new StringLengthValidator(getTranslation("validation.Size", 0, 50), 0, 50))
        .bind(UnitDraft::contactName, UnitDraft::contactName);
    binder
        .forField(contactPhone)
        .withValidator(
            new RegexpValidator(getTranslation("unit.contact-phone.invalid"), "[0-9+\\-() *]*"))
        .withValidator(new StringLengthValidator(getTranslation("validation.Size", 0, 30), 0, 30))
        .bind(UnitDraft::contactPhone, UnitDraft::contactPhone);
    binder.readBean(draft);

    add(new FormLayout(name, kind, contactName, contactPhone));
    Button save = new Button(getTranslation("action.save"), click -> save());
    save.setId("save-unit");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
  }

  /** Shows a message the service gave for the name (e.g. a unit of that name exists). */
  void nameRefused(String message) {
    name.setErrorMessage(message);
    name.setInvalid(true);
  }

  private void save() {
    if (binder.writeBeanIfValid(draft) && onSave.test(draft)) {
      close();
    }
  }
}
