package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.accounts.api.TotpEnrolment;
import cn.shuangyong.platform.accounts.api.TotpStatus;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The profile page's second factor: its status, the enrolment (QR code drawn on the server, the key
 * to type in by hand, a first code to confirm) and the removal with a current code. The secret is
 * shown only while the enrolment is pending, never once it is confirmed.
 */
class SecondFactorPanel extends VerticalLayout {
  private final SecondFactorService secondFactors;

  SecondFactorPanel(SecondFactorService secondFactors) {
    this.secondFactors = secondFactors;
    setId("totp-panel");
    setPadding(false);
    refresh();
  }

  private void refresh() {
    removeAll();
    TotpStatus status = secondFactors.status(UiSession.requireUser());
    add(new H2(getTranslation("totp.title")));
    if (status.required() && !status.enrolled()) {
      Paragraph required = new Paragraph(getTranslation("totp.status.required"));
      required.setId("totp-required");
      required.getStyle().set("color", "var(--lumo-error-text-color)");
      add(required);
    }
    Paragraph state =
        new Paragraph(getTranslation(status.enrolled() ? "totp.status.on" : "totp.status.off"));
    state.setId("totp-status");
    add(state);
    if (status.enrolled()) {
      Button remove = new Button(getTranslation("totp.remove"), click -> openRemoval());
      remove.setId("totp-remove");
      remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
      add(remove);
    } else {
      Button begin = new Button(getTranslation("totp.begin"), click -> begin());
      begin.setId("totp-begin");
      add(begin);
    }
  }

  private void begin() {
    TotpEnrolment enrolment = Problems.attempt(this, () -> secondFactors.begin(UiActor.current()));
    if (enrolment == null) {
      return;
    }
    refresh();
    // pending now: the begin button would only replace the secret being shown
    getChildren()
        .filter(child -> child.getId().filter("totp-begin"::equals).isPresent())
        .findFirst()
        .ifPresent(this::remove);
    Image qr =
        new Image(
            "data:image/svg+xml;base64,"
                + Base64.getEncoder()
                    .encodeToString(enrolment.qrCodeSvg().getBytes(StandardCharsets.UTF_8)),
            getTranslation("totp.qr"));
    qr.setId("totp-qr");
    qr.setWidth("240px");
    qr.setHeight("240px");
    Span secret = new Span(enrolment.secret());
    secret.setId("totp-secret");
    secret.getStyle().set("font-family", "monospace").set("letter-spacing", "0.1em");
    TextField code = codeField("totp-confirm-code");
    Button confirm = new Button(getTranslation("totp.confirm"), click -> confirm(code));
    confirm.setId("totp-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout keyLine =
        new HorizontalLayout(new Span(getTranslation("totp.secret")), secret);
    HorizontalLayout confirmLine = new HorizontalLayout(code, confirm);
    confirmLine.setAlignItems(Alignment.BASELINE);
    add(new Paragraph(getTranslation("totp.scan")), qr, keyLine, confirmLine);
    code.focus();
  }

  private void confirm(TextField code) {
    Boolean done =
        Problems.attempt(
            this,
            Map.of("code", code),
            () -> {
              secondFactors.confirm(UiActor.current(), code.getValue());
              return true;
            });
    if (done != null) {
      boolean wasHeld = AccountSessions.heldToEnrol();
      AccountSessions.enrolled();
      Notices.success(getTranslation("totp.enrolled"));
      if (wasHeld) {
        UI.getCurrent().navigate("");
      } else {
        refresh();
      }
    }
  }

  private void openRemoval() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("totp.remove"));
    TextField code = codeField("totp-remove-code");
    Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
    Button confirm =
        new Button(
            getTranslation("totp.remove"),
            click -> {
              Boolean done =
                  Problems.attempt(
                      this,
                      Map.of("code", code),
                      () -> {
                        secondFactors.remove(UiActor.current(), code.getValue());
                        return true;
                      });
              if (done != null) {
                dialog.close();
                Notices.success(getTranslation("totp.removed"));
                refresh();
              }
            });
    confirm.setId("totp-remove-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    dialog.add(new Paragraph(getTranslation("totp.remove.confirm")), code);
    dialog.getFooter().add(cancel, confirm);
    dialog.open();
    code.focus();
  }

  private TextField codeField(String id) {
    TextField code = new TextField(getTranslation("totp.code"));
    code.setId(id);
    code.setMaxLength(6);
    code.setAllowedCharPattern("[0-9]");
    code.getElement().setAttribute("autocomplete", "one-time-code");
    return code;
  }
}
