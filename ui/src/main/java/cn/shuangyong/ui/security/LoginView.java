package cn.shuangyong.ui.security;

import cn.shuangyong.platform.ratelimit.RateLimitVerdict;
import cn.shuangyong.platform.ratelimit.SignInThrottle;
import cn.shuangyong.platform.security.CredentialCheck;
import cn.shuangyong.platform.security.UiSessionLedger;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.ui.layout.LanguageSwitch;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.format.DateTimeFormatter;

/**
 * Sign-in with the same credential check, lockout and audit as the API; on success the session id
 * is rotated and the user kept in the Vaadin session. For an account with a second factor the
 * password is followed by a second step asking for the TOTP code; name and password are held by
 * this view (on the server, for this one sign-in) and checked again with the code, so that the
 * code's failures count toward the same lockout.
 */
@Prototype
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
  private final CredentialCheck credentials;
  private final SignInThrottle throttle;
  private final UiSessionLedger ledger;
  private final LoginForm form = new LoginForm();
  private final VerticalLayout codeStep = new VerticalLayout();
  private final TextField code = new TextField();
  private String pendingUsername;
  private String pendingPassword;

  public LoginView(CredentialCheck credentials, SignInThrottle throttle, UiSessionLedger ledger) {
    this.ledger = ledger;
    this.credentials = credentials;
    this.throttle = throttle;
    addClassName("login-view");
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    ViewTitle.markMain(this);
    form.setI18n(i18n(null));
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(this::signIn);
    H1 brand = new H1(getTranslation("app.name"));
    brand.getStyle().set("color", "var(--lumo-error-text-color)");
    buildCodeStep();
    add(
        brand,
        new Paragraph(getTranslation("login.tagline")),
        form,
        codeStep,
        new LanguageSwitch());
  }

  private void buildCodeStep() {
    codeStep.setId("totp-step");
    codeStep.setVisible(false);
    codeStep.setPadding(false);
    codeStep.setMaxWidth("22em");
    code.setId("totp-code");
    code.setLabel(getTranslation("login.totp.code"));
    code.setMaxLength(6);
    code.setAllowedCharPattern("[0-9]");
    code.getElement().setAttribute("autocomplete", "one-time-code");
    code.setWidthFull();
    Button submit = new Button(getTranslation("login.totp.submit"), click -> submitCode());
    submit.setId("totp-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickShortcut(Key.ENTER);
    submit.setWidthFull();
    Button back = new Button(getTranslation("login.totp.back"), click -> backToPassword(null));
    back.setId("totp-back");
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    codeStep.add(
        new H2(getTranslation("login.totp.title")),
        new Paragraph(getTranslation("login.totp.hint")),
        code,
        submit,
        back);
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
    String address = UiSession.clientAddress();
    RateLimitVerdict verdict = throttle.attempt(address, event.getUsername());
    if (!verdict.allowed()) {
      showError(getTranslation("login.throttled", verdict.retryAfterSeconds()));
      return;
    }
    CredentialCheck.Result result =
        credentials.check(
            event.getUsername(), event.getPassword(), address, CredentialCheck.Channel.UI);
    switch (result.outcome()) {
      case SUCCESS -> finishSignIn(result);
      case TOTP_REQUIRED -> askForCode(event.getUsername(), event.getPassword());
      case INVALID, TOTP_INVALID -> showError(null);
      case LOCKED -> showError(lockedMessage(result));
    }
  }

  private void askForCode(String username, String password) {
    pendingUsername = username;
    pendingPassword = password;
    form.setVisible(false);
    codeStep.setVisible(true);
    code.clear();
    code.setInvalid(false);
    code.focus();
  }

  private void submitCode() {
    if (pendingUsername == null) {
      backToPassword(null);
      return;
    }
    String address = UiSession.clientAddress();
    RateLimitVerdict verdict = throttle.attempt(address, pendingUsername);
    if (!verdict.allowed()) {
      showCodeError(getTranslation("login.throttled", verdict.retryAfterSeconds()));
      return;
    }
    CredentialCheck.Result result =
        credentials.check(
            pendingUsername, pendingPassword, code.getValue(), address, CredentialCheck.Channel.UI);
    switch (result.outcome()) {
      case SUCCESS -> finishSignIn(result);
      case TOTP_REQUIRED, TOTP_INVALID -> showCodeError(getTranslation("auth.totp.invalid"));
      case INVALID -> {
        backToPassword(null);
        showError(null);
      }
      case LOCKED -> backToPassword(lockedMessage(result));
    }
  }

  private void showCodeError(String message) {
    code.clear();
    code.setErrorMessage(message);
    code.setInvalid(true);
    code.focus();
  }

  private void backToPassword(String message) {
    pendingUsername = null;
    pendingPassword = null;
    code.clear();
    codeStep.setVisible(false);
    form.setVisible(true);
    if (message == null) {
      form.setEnabled(true);
    } else {
      showError(message);
    }
  }

  private void finishSignIn(CredentialCheck.Result result) {
    pendingUsername = null;
    pendingPassword = null;
    UiSession.signIn(result.user(), ledger.open(result.user().username()));
    UI.getCurrent().navigate(UiSession.takeIntendedLocation());
  }

  private String lockedMessage(CredentialCheck.Result result) {
    return result.lockedUntil() == null
        ? getTranslation("login.locked.unknown")
        : getTranslation(
            "auth.locked", LOCK_TIME.format(result.lockedUntil().atZone(ChinaTime.ZONE)));
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
