package cn.shuangyong.ui.security;

import cn.shuangyong.platform.security.RevocationList;
import cn.shuangyong.platform.security.TokenService;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Ends a UI sign-in that was revoked on any node (the account disabled, its password reset or
 * changed elsewhere, "sign out everywhere"). Every request of a signed-in session asks the
 * revocation list, from memory, for the sign-in's ledger id; a revoked one is forgotten before
 * anything of the request runs: a page load then lands on the login, and a request of an open tab
 * (a click, a poll, a heartbeat) is answered "session expired", so the tab reloads to the login.
 *
 * <p>The node that made the change ends its own sessions at once ({@code AccountSessions}); this is
 * how the other nodes' tabs follow, within the revocation list's staleness (3 s at worst).
 */
@Singleton
class UiSessionRevocations implements VaadinServiceInitListener {
  private final TokenService tokens;

  UiSessionRevocations(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.addRequestHandler(new Check());
  }

  /**
   * Whether the sign-in of this ledger id was revoked (unsure is not revoked: the API says 503).
   */
  boolean revoked(String sessionId) {
    return tokens.verdict(sessionId) == RevocationList.Verdict.REVOKED;
  }

  private final class Check extends SynchronizedRequestHandler {
    @Override
    public boolean synchronizedHandleRequest(
        VaadinSession session, VaadinRequest request, VaadinResponse response) throws IOException {
      boolean ended =
          UiSession.sessionId(session).filter(UiSessionRevocations.this::revoked).isPresent();
      if (!ended) {
        return false;
      }
      UiSession.forget(session);
      if (!HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
        return false;
      }
      session.close();
      VaadinService service = request.getService();
      service.writeUncachedStringResponse(
          response,
          "application/json; charset=UTF-8",
          VaadinService.createSessionExpiredJSON(false));
      return true;
    }
  }
}
