package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.Actor;
import cn.shuangyong.ui.security.UiSession;

/**
 * The signed-in user as the account service's actor: its address and the ledger id of this UI
 * sign-in (the session kept when the user changes its own password).
 */
final class UiActor {
  private UiActor() {}

  static Actor current() {
    return new Actor(
        UiSession.requireUser(),
        UiSession.clientAddress(),
        null,
        UiSession.sessionId().orElse(null));
  }
}
