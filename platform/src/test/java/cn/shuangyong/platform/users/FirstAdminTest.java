package cn.shuangyong.platform.users;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without demo data, the first platform admin comes from a configured password. */
class FirstAdminTest {

  @Test
  void theFirstAdminIsCreatedOnceFromTheConfiguredPassword() {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.bootstrap.admin-password", "First@Admin2026");
    properties.put("micronaut.server.port", -1);
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      UserDirectory users = context.getBean(UserDirectory.class);
      UserAccount admin = users.find("admin").orElseThrow();
      assertThat(users.rolesOf(admin)).containsExactly(Role.PLATFORM_ADMIN);
      assertThat(
              context
                  .getBean(PasswordHasher.class)
                  .matches("First@Admin2026", admin.passwordHash()))
          .isTrue();
    }
  }
}
