package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.accounts.api.AccountSessionsEnded;
import cn.shuangyong.platform.accounts.api.SecondFactorService;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.ui.security.LoginView;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.security.UiSessionRegistry;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * The UI side of account security. Through the {@link UiSessionRegistry} of this node's sessions,
 * disabling, a reset, a password change or "sign out everywhere" ends them at once (the session's
 * user is removed and its HTTP session invalidated; the tab's next request finds it expired and
 * goes to the login). Until an account on a one-time password has changed it, every page it opens
 * leads to the password change; then, until an account whose role requires a second factor ({@code
 * shuangyong.security.totp.required-roles}) has enrolled one, every page leads to the profile
 * page's enrolment.
 */
@Singleton
public class AccountSessions implements VaadinServiceInitListener {
  private static final String CHECKED = "shuangyong.password-change-checked";
  private static final String ENROLMENT_CHECKED = "shuangyong.totp-enrolment-checked";
  private final AccountService accounts;
  private final SecondFactorService secondFactors;
  private final UiSessionRegistry sessions;

  AccountSessions(
      AccountService accounts, SecondFactorService secondFactors, UiSessionRegistry sessions) {
    this.accounts = accounts;
    this.secondFactors = secondFactors;
    this.sessions = sessions;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
  }

  private void beforeEnter(BeforeEnterEvent event) {
    CurrentUser user = UiSession.user().orElse(null);
    VaadinSession session = VaadinSession.getCurrent();
    if (user == null || session == null) {
      return;
    }
    if (event.getNavigationTarget() == ChangePasswordView.class
        || event.getNavigationTarget() == LoginView.class) {
      return;
    }
    if (mustChangePassword(session, user)) {
      event.forwardTo(ChangePasswordView.class);
      return;
    }
    if (event.getNavigationTarget() != ProfileView.class && mustEnrol(session, user)) {
      event.forwardTo(ProfileView.class);
    }
  }

  /** Asked once per session and user; enrolling in this session clears it. */
  private boolean mustEnrol(VaadinSession session, CurrentUser user) {
    Object checked = session.getAttribute(ENROLMENT_CHECKED);
    if (checked instanceof Boolean known) {
      return known;
    }
    boolean must = secondFactors.enrolmentRequired(user.username());
    session.setAttribute(ENROLMENT_CHECKED, must);
    return must;
  }

  /** The signed-in user of this session enrolled a second factor: let it go anywhere again. */
  static void enrolled() {
    VaadinSession.getCurrent().setAttribute(ENROLMENT_CHECKED, false);
  }

  /** Whether this session is held to enrolling a second factor. */
  static boolean heldToEnrol() {
    VaadinSession session = VaadinSession.getCurrent();
    return session != null && Boolean.TRUE.equals(session.getAttribute(ENROLMENT_CHECKED));
  }

  /** Asked once per session and user: afterwards only a change in this session clears it. */
  private boolean mustChangePassword(VaadinSession session, CurrentUser user) {
    Object checked = session.getAttribute(CHECKED);
    if (checked instanceof Boolean known) {
      return known;
    }
    boolean must = accounts.mustChangePassword(user.username());
    session.setAttribute(CHECKED, must);
    return must;
  }

  /** The signed-in user of this session changed its password: let it go anywhere again. */
  static void passwordChanged() {
    VaadinSession.getCurrent().setAttribute(CHECKED, false);
  }

  /** Whether this session is still held to the password change. */
  static boolean held() {
    VaadinSession session = VaadinSession.getCurrent();
    return session != null && Boolean.TRUE.equals(session.getAttribute(CHECKED));
  }

  @EventListener
  void onSessionsEnded(AccountSessionsEnded ended) {
    for (VaadinSession session : sessions.sessionsOf(ended.username(), ended.keepSessionId())) {
      end(session);
    }
  }

  private static void end(VaadinSession session) {
    try {
      session.access(() -> UiSession.forget(session));
      if (session.getSession() != null) {
        session.getSession().invalidate();
      }
    } catch (IllegalStateException alreadyGone) {
      // invalidated meanwhile: nothing left to end
    }
  }
}
