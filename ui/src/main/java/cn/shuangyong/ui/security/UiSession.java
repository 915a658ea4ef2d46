package cn.shuangyong.ui.security;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.ui.hosting.UiProxyFilter;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in user and the chosen language of the current Vaadin session. The user is put here
 * only by {@link LoginView} after the shared credential check.
 */
public final class UiSession {
  private static final String LOCALE = "shuangyong.locale";
  private static final String INTENDED = "shuangyong.intended-location";
  private static final String SESSION_ID = "shuangyong.ui-session-id";

  private UiSession() {}

  public static Optional<CurrentUser> user() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable(session.getAttribute(CurrentUser.class));
  }

  /** The signed-in user; views behind the access guard may rely on it. */
  public static CurrentUser requireUser() {
    return user().orElseThrow(() -> new IllegalStateException("no user signed in"));
  }

  /**
   * Signs in: a new HTTP session id first (no session fixation), then the user and the id of this
   * sign-in in the {@code UiSessionLedger} (by which another node can end it).
   */
  static void signIn(CurrentUser user, String sessionId) {
    VaadinRequest request = VaadinService.getCurrentRequest();
    if (request != null) {
      VaadinService.reinitializeSession(request);
    }
    VaadinSession session = VaadinSession.getCurrent();
    session.setAttribute(CurrentUser.class, user);
    session.setAttribute(SESSION_ID, sessionId);
  }

  /** The ledger id of the sign-in of the current session, if signed in. */
  public static Optional<String> sessionId() {
    VaadinSession session = VaadinSession.getCurrent();
    return session == null ? Optional.empty() : sessionId(session);
  }

  /** The ledger id of the sign-in of {@code session}; the caller holds its lock. */
  public static Optional<String> sessionId(VaadinSession session) {
    return session.getAttribute(SESSION_ID) instanceof String id
        ? Optional.of(id)
        : Optional.empty();
  }

  /**
   * Ends the sign-in of {@code session} (the caller holds its lock): nothing of the user is left in
   * it, and every page it opens leads to the login.
   */
  public static void forget(VaadinSession session) {
    session.setAttribute(CurrentUser.class, null);
    session.setAttribute(SESSION_ID, null);
  }

  /** Where an anonymous visitor wanted to go, to go there after signing in. */
  static void rememberIntendedLocation(String location) {
    VaadinSession session = VaadinSession.getCurrent();
    if (session != null) {
      session.setAttribute(INTENDED, location);
    }
  }

  /**
   * The remembered location (a path inside the application, never another site), once; the home
   * page when there is none.
   */
  static String takeIntendedLocation() {
    VaadinSession session = VaadinSession.getCurrent();
    Object location = session == null ? null : session.getAttribute(INTENDED);
    if (session != null) {
      session.setAttribute(INTENDED, null);
    }
    return location instanceof String path && isInsideTheApplication(path) ? path : "";
  }

  static boolean isInsideTheApplication(String path) {
    return !path.isBlank()
        && !path.startsWith("/")
        && !path.startsWith("\\")
        && !path.contains("://")
        && !path.contains("\\")
        && !path.equals("login")
        && !path.startsWith("login?");
  }

  public static void signOut() {
    VaadinSession session = VaadinSession.getCurrent();
    // the ledger id stays until the session's end, which closes its row (UiSessionRegistry)
    session.setAttribute(CurrentUser.class, null);
    session.getSession().invalidate();
  }

  /** Chinese unless the user switched to English in this session. */
  public static Locale locale() {
    VaadinSession session = VaadinSession.getCurrent();
    Object chosen = session == null ? null : session.getAttribute(LOCALE);
    return chosen instanceof Locale locale ? locale : Messages.CHINESE;
  }

  public static void chooseLocale(Locale locale) {
    VaadinSession.getCurrent().setAttribute(LOCALE, Messages.supported(locale));
  }

  /**
   * The browser's address: the proxy filter's header when the request came through it (loopback),
   * else the socket peer.
   */
  public static String clientAddress() {
    VaadinRequest request = VaadinService.getCurrentRequest();
    if (request == null) {
      return null;
    }
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader(UiProxyFilter.CLIENT_ADDRESS_HEADER);
    boolean viaProxy = "127.0.0.1".equals(peer) || "0:0:0:0:0:0:0:1".equals(peer);
    return viaProxy && forwarded != null && !forwarded.isBlank() ? forwarded : peer;
  }
}
