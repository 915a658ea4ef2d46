package cn.shuangyong.ui.security;

import cn.shuangyong.platform.audit.CallerAddress;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The UI caller's address for the audit trail: the Vaadin request being served, as the one-port
 * proxy passed it on ({@link UiSession#clientAddress()}), so events made from a view carry the
 * browser's address as the API's do.
 */
@Singleton
class VaadinCallerAddress implements CallerAddress {
  @Override
  public Optional<String> current() {
    return Optional.ofNullable(UiSession.clientAddress());
  }
}
