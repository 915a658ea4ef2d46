package cn.shuangyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.NodesStartingTogether;
import cn.shuangyong.platform.testing.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes starting at the same moment on a database nobody has started on yet (a cluster's first
 * deploy): both start, and the first platform admin exists once.
 */
class ConcurrentStartupTest {
  private static final Map<String, Object> FIRST_ADMIN =
      Map.of(
          "shuangyong.bootstrap.admin-password",
          "First@Admin2026",
          // the production cost: hashing takes long enough for another node to look meanwhile
          "shuangyong.security.bcrypt-cost",
          "12");

  @Test
  void twoNodesStartTogetherOnAFreshDatabase() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    for (int round = 0; round < 2; round++) {
      Map<String, String> fresh = infra.freshDatabase();
      try {
        NodesStartingTogether nodes = new NodesStartingTogether(fresh);
        assertThat(nodes.start(2, FIRST_ADMIN)).as("crashes, round " + round).isEmpty();
        assertThat(admins(nodes)).isEqualTo(1);
      } finally {
        infra.dropDatabase(fresh);
      }
    }
  }

  /** Both nodes look for the admin before either has inserted it: the race, every time. */
  @Test
  void twoNodesThatBothFindNoAdminCreateItOnce() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    Map<String, String> fresh = infra.freshDatabase();
    try {
      NodesStartingTogether nodes = new NodesStartingTogether(fresh);
      assertThat(nodes.start(2, Map.of())).as("a first start without an admin").isEmpty();
      assertThat(nodes.interleaved(2, FIRST_ADMIN, "platform.app_user")).isEmpty();
      assertThat(admins(nodes)).isEqualTo(1);
    } finally {
      infra.dropDatabase(fresh);
    }
  }

  private static int admins(NodesStartingTogether nodes) throws Exception {
    return nodes.count("select count(*) from platform.app_user where username = 'admin'");
  }
}
