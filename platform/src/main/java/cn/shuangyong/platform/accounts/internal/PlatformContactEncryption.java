package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.database.StartupLock;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, encrypts the accounts' phones and e-mail addresses still stored in plain (an
 * earlier version wrote them so). Idempotent (what is encrypted is left alone) and safe on several
 * nodes starting together: under the {@link StartupLock}, and each row replaced by compare and set.
 * Logs a count, never a value.
 */
@Singleton
public class PlatformContactEncryption {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformContactEncryption.class);

  private final AccountStore store;
  private final StartupLock startup;

  PlatformContactEncryption(AccountStore store, StartupLock startup) {
    this.store = store;
    this.startup = startup;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    startup.exclusively("account contact encryption", this::encryptAll);
  }

  /** Encrypts what is still plain; answers how many accounts it changed. */
  public int encryptAll() {
    int done = store.encryptPlainContacts();
    if (done > 0) {
      LOG.info("personal data: the phone and e-mail of {} accounts encrypted at rest", done);
    }
    return done;
  }
}
