package cn.shuangyong.ui.security;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.security.UiSessionLedger;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionDestroyEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI sessions alive on this node. When Vaadin closes one for idleness (no interaction for
 * {@code shuangyong.ui.session-timeout}), its sign-out is audited and its HTTP session invalidated
 * as well, so nothing of it stays on the server; the count per user shows that it is gone. The
 * accounts' UI side ({@code AccountSessions}) ends a user's sessions through it when the account is
 * disabled, reset or signed out everywhere.
 */
@Singleton
public class UiSessionRegistry implements VaadinServiceInitListener {
  /** Who was signed in at a session's last navigation, and the ledger id of that sign-in. */
  private record SignedIn(String username, String sessionId) {
    static final SignedIn NOBODY = new SignedIn("", "");
  }

  /** Each live session of this node and its sign-in ({@link SignedIn#NOBODY} before one). */
  private final Map<VaadinSession, SignedIn> sessions = new ConcurrentHashMap<>();

  private final AuditLog audit;
  private final UiSessionLedger ledger;
  private final Duration idleTimeout;

  public UiSessionRegistry(
      AuditLog audit,
      UiSessionLedger ledger,
      @Value("${shuangyong.ui.session-timeout:30m}") Duration idleTimeout) {
    this.audit = audit;
    this.ledger = ledger;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(init -> sessions.put(init.getSession(), SignedIn.NOBODY));
    event.getSource().addSessionDestroyListener(this::destroyed);
    // navigation runs under the session's lock: the user is read there, never by another thread
    event
        .getSource()
        .addUIInitListener(
            init ->
                init.getUI().addBeforeEnterListener(enter -> noteUser(init.getUI().getSession())));
  }

  /** How many live UI sessions on this node are signed in as {@code username}. */
  public long signedIn(String username) {
    return sessionsOf(username).size();
  }

  /** The live UI sessions on this node signed in as {@code username} (case ignored). */
  public List<VaadinSession> sessionsOf(String username) {
    return sessionsOf(username, null);
  }

  /** As {@link #sessionsOf(String)}, without the sign-in of ledger id {@code exceptSessionId}. */
  public List<VaadinSession> sessionsOf(String username, String exceptSessionId) {
    return sessions.entrySet().stream()
        .filter(entry -> entry.getValue().username().equalsIgnoreCase(username))
        .filter(entry -> !entry.getValue().sessionId().equals(exceptSessionId))
        .map(Map.Entry::getKey)
        .toList();
  }

  private void noteUser(VaadinSession session) {
    CurrentUser user = session.getAttribute(CurrentUser.class);
    SignedIn signedIn =
        user == null
            ? SignedIn.NOBODY
            : new SignedIn(user.username(), UiSession.sessionId(session).orElse(""));
    sessions.computeIfPresent(session, (key, was) -> signedIn);
  }

  private void destroyed(SessionDestroyEvent event) {
    VaadinSession session = event.getSession();
    sessions.remove(session);
    UiSession.sessionId(session).ifPresent(ledger::close);
    CurrentUser user = session.getAttribute(CurrentUser.class);
    boolean idle =
        System.currentTimeMillis() - session.getLastRequestTimestamp() >= idleTimeout.toMillis();
    if (user != null && idle) {
      audit.record(
          new AuditLog.Entry(
              user.username(), user.tenant(), "LOGOUT", "UI", "SUCCESS", null, "idle"));
    }
    WrappedSession http = session.getSession();
    if (http != null) {
      try {
        http.invalidate();
      } catch (IllegalStateException alreadyInvalid) {
        // signed out by hand: the HTTP session went first
      }
    }
  }
}
