package cn.shuangyong.platform.users;

import cn.shuangyong.platform.database.StartupLock;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantStartupMigration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without demo data the platform starts empty: when {@code shuangyong.bootstrap.admin-password}
 * (SHUANGYONG_BOOTSTRAP_ADMIN_PASSWORD) is set and no account named {@code admin} exists, the first
 * platform admin is created with it.
 */
@Singleton
@Requires(property = "shuangyong.bootstrap.admin-password")
public class FirstAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
  private final UserDirectory users;
  private final StartupLock startup;
  private final String password;

  FirstAdmin(
      TenantStartupMigration tenantsReady,
      UserDirectory users,
      StartupLock startup,
      @Value("${shuangyong.bootstrap.admin-password}") String password) {
    this.users = users;
    this.startup = startup;
    this.password = password;
  }

  /** Under the startup lock: two nodes starting together would both find no admin. */
  @EventListener
  void onStartup(StartupEvent event) {
    startup.exclusively("first admin", this::createUnlessPresent);
  }

  private void createUnlessPresent() {
    if (users.find("admin").isPresent()) {
      return;
    }
    users.create(
        new UserDirectory.NewUser(
            "admin", "平台管理员", password, Set.of(Role.PLATFORM_ADMIN), null, null, null, null),
        "bootstrap");
    LOG.info("first platform admin 'admin' created from shuangyong.bootstrap.admin-password");
  }
}
