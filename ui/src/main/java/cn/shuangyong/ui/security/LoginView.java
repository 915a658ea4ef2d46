package cn.shuangyong.ui.security;

import cn.shuangyong.platform.security.CredentialCheck;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.ui.layout.LanguageSwitch;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.format.DateTimeFormatter;

/**
 * Sign-in with the same credential check, lockout and audit as the API; on success the session id
 * is rotated and the user kept in the Vaadin session.
 */
@Prototype
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
  private final CredentialCheck credentials;
  private final LoginForm form = new LoginForm();

  public LoginView(CredentialCheck credentials) {
    this.credentials = credentials;
    addClassName("login-view");
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setI18n(i18n(null));
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(this::signIn);
    H1 brand = new H1(getTranslation("app.name"));
    brand.getStyle().set("color", "var(--lumo-error-text-color)");
    add(brand, new Paragraph(getTranslation("login.tagline")), form, new LanguageSwitch());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (UiSession.user().isPresent()) {
      event.forwardTo("");
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("login.title") + " · " + getTranslation("app.name");
  }

  private void signIn(LoginEvent event) {
    CredentialCheck.Result result =
        credentials.check(
            event.getUsername(),
            event.getPassword(),
            UiSession.clientAddress(),
            CredentialCheck.Channel.UI);
    switch (result.outcome()) {
      case SUCCESS -> {
        UiSession.signIn(result.user());
        UI.getCurrent().navigate("");
      }
      case INVALID -> showError(null);
      case LOCKED ->
          showError(
              result.lockedUntil() == null
                  ? getTranslation("login.locked.unknown")
                  : getTranslation(
                      "auth.locked",
                      LOCK_TIME.format(result.lockedUntil().atZone(ChinaTime.ZONE))));
    }
  }

  private void showError(String message) {
    form.setI18n(i18n(message));
    form.setError(true);
    form.setEnabled(true);
  }

  private LoginI18n i18n(String errorMessage) {
    LoginI18n i18n = LoginI18n.createDefault();
    LoginI18n.Form texts = i18n.getForm();
    texts.setTitle(getTranslation("login.title"));
    texts.setUsername(getTranslation("login.username"));
    texts.setPassword(getTranslation("login.password"));
    texts.setSubmit(getTranslation("login.submit"));
    texts.setForgotPassword(getTranslation("login.forgot"));
    LoginI18n.ErrorMessage error = i18n.getErrorMessage();
    error.setTitle(getTranslation("login.error.title"));
    error.setMessage(errorMessage == null ? getTranslation("auth.bad-credentials") : errorMessage);
    error.setUsername(getTranslation("login.username.required"));
    error.setPassword(getTranslation("login.password.required"));
    return i18n;
  }
}
