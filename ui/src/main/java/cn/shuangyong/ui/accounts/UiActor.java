package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.Actor;
import cn.shuangyong.ui.security.UiSession;
import com.vaadin.flow.server.VaadinSession;

/** The signed-in user as the account service's actor: its address and this UI session's id. */
final class UiActor {
  private UiActor() {}

  static Actor current() {
    VaadinSession session = VaadinSession.getCurrent();
    String sessionId =
        session == null || session.getSession() == null ? null : session.getSession().getId();
    return new Actor(UiSession.requireUser(), UiSession.clientAddress(), null, sessionId);
  }
}
