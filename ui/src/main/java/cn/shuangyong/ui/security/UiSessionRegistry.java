package cn.shuangyong.ui.security;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
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
  /** Each live session and who was signed in at its last navigation ("" before sign-in). */
  private final Map<VaadinSession, String> sessions = new ConcurrentHashMap<>();

  private final AuditLog audit;
  private final Duration idleTimeout;

  public UiSessionRegistry(
      AuditLog audit, @Value("${shuangyong.ui.session-timeout:30m}") Duration idleTimeout) {
    this.audit = audit;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> sessions.put(init.getSession(), ""));
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
    return sessions.entrySet().stream()
        .filter(entry -> entry.getValue().equalsIgnoreCase(username))
        .map(Map.Entry::getKey)
        .toList();
  }

  private void noteUser(VaadinSession session) {
    CurrentUser user = session.getAttribute(CurrentUser.class);
    sessions.computeIfPresent(session, (key, was) -> user == null ? "" : user.username());
  }

  private void destroyed(SessionDestroyEvent event) {
    VaadinSession session = event.getSession();
    sessions.remove(session);
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
