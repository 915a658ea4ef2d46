package cn.shuangyong.ui.needs;

import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.ui.support.DateFields;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The dialogs of the 双清单 actions. Each is a dumb form: it checks what it can, then hands the
 * command and its fields (for the service's field errors) to {@code perform}, which answers whether
 * the action went through; the dialog then closes.
 */
final class NeedActionDialogs {
  private NeedActionDialogs() {}

  /** Carries out a command; may mark the given fields invalid; true when done. */
  interface Perform<C> extends BiPredicate<C, Map<String, HasValidation>> {}

  /** 受理: the responsible unit (FOR_TROOPS) or garrison unit (FOR_CIVILIANS), deadline, level. */
  static Dialog accept(
      Component host,
      String title,
      Set<Direction> directions,
      List<ResponsibleUnit> responsibleUnits,
      List<GarrisonUnit> garrisonUnits,
      LocalDate today,
      Perform<NeedCommands.Accept> perform) {
    ComboBox<ResponsibleUnit> responsible = new ComboBox<>(t(host, "needs.responsible-unit"));
    responsible.setId("accept-responsible-unit");
    responsible.setItems(responsibleUnits);
    responsible.setItemLabelGenerator(ResponsibleUnit::name);
    responsible.setVisible(directions.contains(Direction.FOR_TROOPS));
    needed(responsible);
    ComboBox<GarrisonUnit> garrison = new ComboBox<>(t(host, "needs.garrison-unit.doing"));
    garrison.setId("accept-garrison-unit");
    garrison.setItems(garrisonUnits);
    garrison.setItemLabelGenerator(GarrisonUnit::name);
    garrison.setVisible(directions.contains(Direction.FOR_CIVILIANS));
    needed(garrison);
    DatePicker deadline = DateFields.create(t(host, "needs.deadline"));
    deadline.setId("accept-deadline");
    // the date field checks itself (a refused date says why, DateFields): only the indicator here
    deadline.setRequiredIndicatorVisible(true);
    DateFields.earliest(deadline, today);
    Select<Level> level = new Select<>();
    level.setLabel(t(host, "needs.level"));
    level.setId("accept-level");
    level.setItems(Level.values());
    level.setItemLabelGenerator(value -> NeedLabels.of(host, "level", value));
    level.setValue(Level.CITY);
    needed(level);
    TextArea note = note(host, "needs.note");
    Map<String, HasValidation> fields = new LinkedHashMap<>();
    fields.put("responsibleUnitId", responsible);
    fields.put("garrisonUnitId", garrison);
    fields.put("deadline", deadline);
    fields.put("level", level);
    fields.put("note", note);
    return dialog(
        host,
        "accept-dialog",
        title,
        "needs.action.ACCEPT",
        false,
        new FormLayout(responsible, garrison, deadline, level, note),
        fields,
        () -> {
          boolean valid = true;
          if (responsible.isVisible()) {
            valid &= required(host, responsible, "needs.responsible-unit.required");
          }
          if (garrison.isVisible()) {
            valid &= required(host, garrison, "needs.garrison-unit.required");
          }
          valid &= required(host, deadline, "needs.deadline.required");
          if (deadline.getValue() != null && deadline.getValue().isBefore(today)) {
            invalid(deadline, t(host, "need.date.past"));
            valid = false;
          }
          return valid
              ? new NeedCommands.Accept(
                  responsible.isVisible() ? responsible.getValue().id() : null,
                  garrison.isVisible() ? garrison.getValue().id() : null,
                  deadline.getValue(),
                  level.getValue(),
                  note.getValue())
              : null;
        },
        perform);
  }

  /** 不予采纳: a written reason, confirmed before it is sent. */
  static Dialog reject(Component host, String needTitle, Perform<NeedCommands.Reject> perform) {
    TextArea reason = note(host, "needs.reason");
    reason.setId("reject-reason");
    needed(reason);
    Map<String, HasValidation> fields = Map.of("reason", reason);
    Dialog[] holder = new Dialog[1];
    holder[0] =
        dialog(
            host,
            "reject-dialog",
            t(host, "needs.action.REJECT"),
            "needs.action.REJECT",
            true,
            new FormLayout(reason),
            fields,
            () ->
                required(host, reason, "needs.reason.required")
                    ? new NeedCommands.Reject(reason.getValue().trim())
                    : null,
            (command, marks) -> {
              ConfirmDialog confirm = new ConfirmDialog();
              confirm.setHeader(t(host, "needs.reject.confirm.title"));
              confirm.setText(host.getTranslation("needs.reject.confirm.text", needTitle));
              confirm.setCancelable(true);
              confirm.setCancelText(t(host, "action.cancel"));
              Button yes = new Button(t(host, "needs.action.REJECT"));
              yes.setId("confirm-reject");
              yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
              confirm.setConfirmButton(yes);
              confirm.addConfirmListener(
                  event -> {
                    if (perform.test(command, marks)) {
                      holder[0].close();
                    }
                  });
              confirm.open();
              return false; // the confirmation closes the dialog
            });
    return holder[0];
  }

  /** 撤回: the liaison takes its still SUBMITTED need back, once it has confirmed. */
  static ConfirmDialog withdraw(Component host, String needTitle, Runnable confirmed) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("withdraw-dialog");
    confirm.setHeader(t(host, "needs.withdraw.confirm.title"));
    confirm.setText(host.getTranslation("needs.withdraw.confirm.text", needTitle));
    confirm.setCancelable(true);
    confirm.setCancelText(t(host, "action.cancel"));
    Button yes = new Button(t(host, "needs.action.WITHDRAW"));
    yes.setId("confirm-withdraw");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(yes);
    confirm.addConfirmListener(event -> confirmed.run());
    return confirm;
  }

  /** 报告进度: percent 0..100 and a note. */
  static Dialog progress(Component host, int current, Perform<NeedCommands.Progress> perform) {
    IntegerField percent = new IntegerField(t(host, "needs.percent"));
    percent.setId("progress-percent");
    percent.setMin(0);
    percent.setMax(100);
    percent.setStepButtonsVisible(true);
    percent.setValue(current);
    needed(percent);
    percent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
    TextArea note = note(host, "needs.note");
    return dialog(
        host,
        "progress-dialog",
        t(host, "needs.action.PROGRESS"),
        "needs.action.PROGRESS",
        false,
        new FormLayout(percent, note),
        Map.of("percent", percent, "note", note),
        () -> {
          Integer value = percent.getValue();
          if (value == null || value < 0 || value > 100) {
            invalid(percent, t(host, "needs.percent.range"));
            return null;
          }
          return new NeedCommands.Progress(value, note.getValue());
        },
        perform);
  }

  /** 办结: an optional note. */
  static Dialog complete(Component host, Perform<NeedCommands.Complete> perform) {
    TextArea note = note(host, "needs.note");
    return dialog(
        host,
        "complete-dialog",
        t(host, "needs.action.COMPLETE"),
        "needs.action.COMPLETE",
        false,
        new FormLayout(note),
        Map.of("note", note),
        () -> new NeedCommands.Complete(note.getValue()),
        perform);
  }

  /** 代为报告进度: as {@link #progress}, for the unit, with the reason required. */
  static Dialog progressOnBehalf(
      Component host, int current, String unit, Perform<NeedCommands.Progress> perform) {
    IntegerField percent = new IntegerField(t(host, "needs.percent"));
    percent.setId("progress-percent");
    percent.setMin(0);
    percent.setMax(100);
    percent.setStepButtonsVisible(true);
    percent.setValue(current);
    percent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
    TextArea note = onBehalfNote(host, unit);
    return dialog(
        host,
        "progress-on-behalf-dialog",
        t(host, "needs.action.PROGRESS_ON_BEHALF"),
        "needs.action.PROGRESS_ON_BEHALF",
        false,
        new FormLayout(percent, note),
        Map.of("percent", percent, "note", note),
        () -> {
          Integer value = percent.getValue();
          if (value == null || value < 0 || value > 100) {
            invalid(percent, t(host, "needs.percent.range"));
            return null;
          }
          return required(host, note, "needs.on-behalf.note.required")
              ? new NeedCommands.Progress(value, note.getValue())
              : null;
        },
        perform);
  }

  /** 代为办结: as {@link #complete}, for the unit, with the reason required. */
  static Dialog completeOnBehalf(
      Component host, String unit, Perform<NeedCommands.Complete> perform) {
    TextArea note = onBehalfNote(host, unit);
    return dialog(
        host,
        "complete-on-behalf-dialog",
        t(host, "needs.action.COMPLETE_ON_BEHALF"),
        "needs.action.COMPLETE_ON_BEHALF",
        false,
        new FormLayout(note),
        Map.of("note", note),
        () ->
            required(host, note, "needs.on-behalf.note.required")
                ? new NeedCommands.Complete(note.getValue())
                : null,
        perform);
  }

  private static TextArea onBehalfNote(Component host, String unit) {
    TextArea note = note(host, "needs.on-behalf.note");
    note.setId("on-behalf-note");
    note.setRequiredIndicatorVisible(true);
    note.setHelperText(host.getTranslation("needs.on-behalf.hint", unit));
    return note;
  }

  /** 确认销号: satisfaction and a comment; 不满意 sends the need back to work. */
  static Dialog confirm(Component host, Perform<NeedCommands.Confirm> perform) {
    RadioButtonGroup<Satisfaction> satisfaction = new RadioButtonGroup<>();
    satisfaction.setLabel(t(host, "needs.satisfaction"));
    satisfaction.setId("confirm-satisfaction");
    satisfaction.setItems(Satisfaction.values());
    satisfaction.setItemLabelGenerator(value -> NeedLabels.of(host, "satisfaction", value));
    satisfaction.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
    needed(satisfaction);
    TextArea comment = note(host, "needs.comment");
    return dialog(
        host,
        "confirm-dialog",
        t(host, "needs.action.CONFIRM"),
        "needs.action.CONFIRM",
        false,
        new FormLayout(satisfaction, comment),
        Map.of("satisfaction", satisfaction, "comment", comment),
        () ->
            required(host, satisfaction, "needs.satisfaction.required")
                ? new NeedCommands.Confirm(satisfaction.getValue(), comment.getValue())
                : null,
        perform);
  }

  /** 督办: a written note. */
  static Dialog supervise(Component host, Perform<NeedCommands.Supervise> perform) {
    TextArea note = note(host, "needs.supervise.note");
    needed(note);
    return dialog(
        host,
        "supervise-dialog",
        t(host, "needs.action.SUPERVISE"),
        "needs.action.SUPERVISE",
        false,
        new FormLayout(note),
        Map.of("note", note),
        () ->
            required(host, note, "needs.supervise.note.required")
                ? new NeedCommands.Supervise(note.getValue().trim())
                : null,
        perform);
  }

  private static <C> Dialog dialog(
      Component host,
      String id,
      String title,
      String okKey,
      boolean danger,
      FormLayout form,
      Map<String, HasValidation> fields,
      Supplier<C> read,
      Perform<C> perform) {
    Dialog dialog = new Dialog();
    dialog.setId(id);
    dialog.setHeaderTitle(title);
    dialog.setWidth("min(32em, 95vw)");
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    dialog.add(form);
    Button ok = new Button(t(host, okKey));
    ok.setId(id + "-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (danger) {
      ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    ok.addClickListener(
        click -> {
          fields.values().forEach(field -> field.setInvalid(false));
          C command = read.get();
          if (command != null && perform.test(command, fields)) {
            dialog.close();
          }
        });
    dialog.getFooter().add(new Button(t(host, "action.cancel"), click -> dialog.close()), ok);
    return dialog;
  }

  private static TextArea note(Component host, String labelKey) {
    TextArea note = new TextArea(t(host, labelKey));
    note.setMaxLength(2000);
    note.setWidthFull();
    return note;
  }

  /**
   * Marks a field the action cannot go without: the required indicator from the start, and its
   * "required" message gone as soon as the field is filled (text as it is typed). The dialog checks
   * the field itself when OK is pressed, so the component's own check is off: it would turn an
   * empty field red on leaving it, without a message.
   */
  private static <F extends HasValue<?, ?> & HasValidation> void needed(F field) {
    field.setRequiredIndicatorVisible(true);
    field.setManualValidation(true);
    if (field instanceof HasValueChangeMode typed) {
      typed.setValueChangeMode(ValueChangeMode.EAGER);
    }
    field.addValueChangeListener(
        change -> {
          if (filled(field)) {
            field.setInvalid(false);
          }
        });
  }

  private static boolean filled(HasValue<?, ?> field) {
    Object value = field.getValue();
    return !field.isEmpty() && !(value instanceof String text && text.isBlank());
  }

  private static <F extends HasValue<?, ?> & HasValidation> boolean required(
      Component host, F field, String messageKey) {
    if (!filled(field)) {
      invalid(field, t(host, messageKey));
      return false;
    }
    return true;
  }

  private static void invalid(HasValidation field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
  }

  private static String t(Component host, String key) {
    return host.getTranslation(key);
  }
}
