package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Map;

/**
 * Everyone's own page: display name, phone, e-mail, the password change, sign out everywhere, and
 * the second factor (enrol with a QR code, remove with a current code). Also the page an account
 * whose role requires a second factor is held on until it has enrolled ({@link AccountSessions}).
 */
@Prototype
@Route(value = "profile", layout = MainLayout.class)
@Menu(title = "nav.profile", order = 200, icon = "vaadin:user")
public class ProfileView extends VerticalLayout implements HasDynamicTitle {
  private final AccountService accounts;
  private final TextField displayName = new TextField();
  private final TextField phone = new TextField();
  private final EmailField email = new EmailField();

  public ProfileView(AccountService accounts, SecondFactorService secondFactors) {
    this.accounts = accounts;
    setId("profile");
    setMaxWidth("36em");
    AccountService.Profile profile = accounts.profile(UiSession.requireUser());
    add(ViewTitle.of(getTranslation("profile.title")));
    TextField username = new TextField(getTranslation("account.username"));
    username.setValue(profile.username());
    username.setReadOnly(true);
    displayName.setLabel(getTranslation("account.display-name"));
    displayName.setValue(profile.displayName());
    displayName.setId("profile-display-name");
    phone.setLabel(getTranslation("account.phone"));
    phone.setValue(profile.phone() == null ? "" : profile.phone());
    email.setLabel(getTranslation("account.email"));
    email.setValue(profile.email() == null ? "" : profile.email());
    FormLayout form = new FormLayout(username, displayName, phone, email);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    Button save = new Button(getTranslation("profile.save"), click -> save());
    save.setId("save-profile");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button password =
        new Button(
            getTranslation("password.title"),
            click -> UI.getCurrent().navigate(ChangePasswordView.class));
    password.setId("go-change-password");
    Button everywhere = new Button(getTranslation("profile.logout-everywhere"), c -> confirm());
    everywhere.setId("logout-everywhere");
    everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
    add(
        form,
        new HorizontalLayout(save, password, everywhere),
        new SecondFactorPanel(secondFactors));
  }

  private void save() {
    Object saved =
        Problems.attempt(
            this,
            Map.of("displayName", displayName, "phone", phone),
            () ->
                accounts.updateProfile(
                    UiActor.current(), displayName.getValue(), phone.getValue(), email.getValue()));
    if (saved != null) {
      Notices.success(getTranslation("profile.saved"));
    }
  }

  private void confirm() {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader(getTranslation("profile.logout-everywhere"));
    dialog.setText(getTranslation("profile.logout-everywhere.confirm"));
    dialog.setCancelable(true);
    dialog.setCancelText(getTranslation("action.cancel"));
    dialog.setConfirmText(getTranslation("profile.logout-everywhere"));
    dialog.addConfirmListener(
        event -> {
          accounts.logoutEverywhere(UiActor.current());
          UI.getCurrent().getPage().setLocation("login");
        });
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("profile.title") + " · " + getTranslation("app.name");
  }
}
