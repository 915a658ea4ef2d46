package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Map;

/**
 * The person's own password change: the current password, the new one twice. Also the page an
 * account on a one-time password is held on until it has changed it ({@link AccountSessions}).
 */
@Prototype
@Route(value = "password", layout = MainLayout.class)
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {
  private final AccountService accounts;
  private final PasswordField current = new PasswordField();
  private final PasswordField next = new PasswordField();
  private final PasswordField again = new PasswordField();

  public ChangePasswordView(AccountService accounts) {
    this.accounts = accounts;
    setId("change-password");
    setMaxWidth("32em");
    add(ViewTitle.of(getTranslation("password.title")));
    if (AccountSessions.held()) {
      Paragraph hint = new Paragraph(getTranslation("password.forced"));
      hint.setId("password-forced");
      hint.getStyle().set("color", "var(--lumo-error-text-color)");
      add(hint);
    }
    current.setLabel(getTranslation("password.current"));
    current.setId("current-password");
    next.setLabel(getTranslation("password.new"));
    next.setId("new-password");
    next.setHelperText(getTranslation("password.rules"));
    again.setLabel(getTranslation("password.again"));
    again.setId("new-password-again");
    Button save = new Button(getTranslation("password.save"), click -> save());
    save.setId("save-password");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    FormLayout form = new FormLayout(current, next, again);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(form, save);
  }

  private void save() {
    again.setInvalid(false);
    if (!next.getValue().equals(again.getValue())) {
      again.setErrorMessage(getTranslation("password.mismatch"));
      again.setInvalid(true);
      return;
    }
    Boolean done =
        Problems.attempt(
            this,
            Map.of("currentPassword", current, "newPassword", next),
            () -> {
              accounts.changeOwnPassword(UiActor.current(), current.getValue(), next.getValue());
              return true;
            });
    if (done != null) {
      AccountSessions.passwordChanged();
      Notices.success(getTranslation("password.changed"));
      UI.getCurrent().navigate("");
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("password.title") + " · " + getTranslation("app.name");
  }
}
