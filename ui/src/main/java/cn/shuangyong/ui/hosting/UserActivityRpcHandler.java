package cn.shuangyong.ui.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;

/**
 * Idle time is what a person did, not what the page polls. Vaadin's {@code closeIdleSessions}
 * closes a session whose last UIDL request is older than the session timeout, and heartbeats
 * already do not count; but every poll (the bell re-reads its count every minute) is a UIDL request
 * too, so an open tab never expired. Here a request that carries nothing but polls leaves the
 * session's last-request time as it was: after the timeout without a click, a key or a navigation
 * the next heartbeat or poll closes the session (its UIs, its attributes, the signed-in user) and
 * the tab lands on the login page.
 */
class UserActivityRpcHandler extends ServerRpcHandler {
  private final transient ObjectMapper json = new ObjectMapper();

  @Override
  public void handleRpc(UI ui, String message, VaadinRequest request)
      throws InvalidUIDLSecurityKeyException {
    VaadinSession session = ui.getSession();
    long lastInteraction = session.getLastRequestTimestamp();
    super.handleRpc(ui, message, request);
    if (!isInteraction(message)) {
      session.setLastRequestTimestamp(lastInteraction);
    }
  }

  /** True unless every invocation of the message is a poll (an empty message is no interaction). */
  boolean isInteraction(String message) {
    if (message == null || message.isEmpty()) {
      return false;
    }
    try {
      JsonNode invocations = json.readTree(message).path("rpc");
      for (JsonNode invocation : invocations) {
        boolean poll =
            "event".equals(invocation.path("type").asText())
                && "ui-poll".equals(invocation.path("event").asText());
        if (!poll) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }

  /** The UIDL handler with this RPC handler. */
  static class UidlHandler extends UidlRequestHandler {
    @Override
    protected ServerRpcHandler createRpcHandler() {
      return new UserActivityRpcHandler();
    }
  }
}
