package cn.shuangyong.ui.fund;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantService;
import cn.shuangyong.ui.support.DateFields;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The step buttons of a grant and the dialog each opens: the dialog says what the step does and
 * asks for what it needs (a note, an amount, the payment's day and reference), and only its confirm
 * button takes the step. A refusal is shown on the fields or as a notice.
 */
final class GrantStepDialogs {
  private final Component host;
  private final GrantService grants;
  private final Supplier<TenantContext> tenant;
  private final Grant grant;
  private final Runnable changed;

  GrantStepDialogs(
      Component host,
      GrantService grants,
      Supplier<TenantContext> tenant,
      Grant grant,
      Runnable changed) {
    this.host = host;
    this.grants = grants;
    this.tenant = tenant;
    this.grant = grant;
    this.changed = changed;
  }

  /** The buttons of one step: the review has two (pass, send back). */
  List<Button> buttons(Action action) {
    return switch (action) {
      case REVIEW ->
          List.of(
              button("review-pass", ButtonVariant.LUMO_PRIMARY, this::reviewPass),
              button("review-back", ButtonVariant.LUMO_ERROR, this::reviewBack));
      case APPROVE -> List.of(button("approve", ButtonVariant.LUMO_PRIMARY, this::approve));
      case REJECT -> List.of(button("reject", ButtonVariant.LUMO_ERROR, this::reject));
      case PAY -> List.of(button("pay", ButtonVariant.LUMO_PRIMARY, this::pay));
      case COMPLETE_PAPERWORK ->
          List.of(button("paperwork", ButtonVariant.LUMO_PRIMARY, this::paperwork));
      default -> List.of();
    };
  }

  private Button button(String step, ButtonVariant variant, Runnable open) {
    Button button = new Button(t("fundview.step." + step), click -> open.run());
    button.setId("grant-step-" + step);
    button.addThemeVariants(variant);
    return button;
  }

  private void reviewPass() {
    TextArea note = note("fundview.step.note");
    confirm(
        "review-pass",
        Map.of("note", note),
        () ->
            grants.review(tenant.get(), grant.id(), new FundCommands.Review(true, note.getValue())),
        note);
  }

  private void reviewBack() {
    TextArea note = note("fundview.step.back-reason");
    confirm(
        "review-back",
        Map.of("note", note),
        () ->
            grants.review(
                tenant.get(), grant.id(), new FundCommands.Review(false, note.getValue())),
        note);
  }

  private void approve() {
    BigDecimalField amount = amount(grant.requestedAmount());
    TextArea note = note("fundview.step.note");
    note.setRequiredIndicatorVisible(false);
    confirm(
        "approve",
        Map.of("amount", amount, "note", note),
        () ->
            grants.approve(
                tenant.get(),
                grant.id(),
                new FundCommands.Approve(amount.getValue(), note.getValue())),
        amount,
        note);
  }

  private void reject() {
    TextArea reason = note("fundview.step.reject-reason");
    confirm(
        "reject",
        Map.of("reason", reason),
        () -> grants.reject(tenant.get(), grant.id(), new FundCommands.Reject(reason.getValue())),
        reason);
  }

  private void pay() {
    DatePicker paidOn = DateFields.create(t("grants.paid-on"));
    paidOn.setId("grant-paid-on");
    paidOn.setValue(grants.today());
    DateFields.latest(paidOn, grants.today());
    TextField reference = new TextField(t("fundview.step.reference"));
    reference.setId("grant-reference");
    reference.setMaxLength(100);
    reference.setRequiredIndicatorVisible(true);
    boolean first = grant.status() != Status.APPROVED;
    BigDecimalField amount = amount(first ? grant.requestedAmount() : grant.approvedAmount());
    amount.setReadOnly(!first);
    Map<String, HasValidation> fields = new LinkedHashMap<>();
    fields.put("paidOn", paidOn);
    fields.put("reference", reference);
    fields.put("amount", amount);
    confirm(
        first ? "pay-first" : "pay",
        fields,
        () ->
            grants.pay(
                tenant.get(),
                grant.id(),
                new FundCommands.Pay(
                    paidOn.getValue(), reference.getValue(), first ? amount.getValue() : null)),
        paidOn,
        reference,
        amount);
  }

  private void paperwork() {
    TextArea note = note("fundview.step.paperwork-note");
    confirm(
        "paperwork",
        Map.of("note", note),
        () ->
            grants.completePaperwork(
                tenant.get(), grant.id(), new FundCommands.CompletePaperwork(note.getValue())),
        note);
  }

  private TextArea note(String label) {
    TextArea note = new TextArea(t(label));
    note.setId("grant-step-note");
    note.setMaxLength(2000);
    note.setWidthFull();
    note.setRequiredIndicatorVisible(true);
    return note;
  }

  private BigDecimalField amount(java.math.BigDecimal value) {
    BigDecimalField amount = new BigDecimalField(t("fundview.amount"));
    amount.setId("grant-step-amount");
    amount.setValue(value);
    amount.setSuffixComponent(new Span(t("fundview.yuan")));
    return amount;
  }

  /** The dialog of one step: what it does, its fields, cancel and confirm. */
  private void confirm(
      String step,
      Map<String, ? extends HasValidation> fields,
      Supplier<Grant> call,
      Component... inputs) {
    Dialog dialog = new Dialog();
    dialog.setId("grant-step-dialog");
    dialog.setHeaderTitle(t("fundview.step." + step));
    dialog.add(
        new Paragraph(
            host.getTranslation(
                "fundview.confirm." + step,
                String.valueOf(grant.id()),
                grant.applicantName(),
                FundLabels.money(grant.requestedAmount()))));
    FormLayout form = new FormLayout(inputs);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    dialog.add(form);
    Button yes =
        new Button(
            t("fundview.step." + step),
            click -> {
              Grant done = Problems.attempt(host, fields, call);
              if (done != null) {
                dialog.close();
                Notices.success(
                    host.getTranslation("fundview.step.done", t("fundview.step." + step)));
                changed.run();
              }
            });
    yes.setId("grant-step-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button no = new Button(t("action.cancel"), click -> dialog.close());
    dialog.getFooter().add(no, yes);
    dialog.open();
  }

  private String t(String key) {
    return host.getTranslation(key);
  }
}
