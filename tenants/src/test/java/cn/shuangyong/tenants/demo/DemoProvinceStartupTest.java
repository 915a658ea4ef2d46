package cn.shuangyong.tenants.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.NodesStartingTogether;
import cn.shuangyong.platform.testing.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes starting at the same moment with the demo province on (a first {@code docker compose
 * up}): both start, and the province, its 20 tenants and its accounts exist once.
 */
class DemoProvinceStartupTest {
  private static final Map<String, Object> DEMO = Map.of("shuangyong.demo.enabled", true);

  @Test
  void twoNodesLoadTheDemoProvinceOnceOnAFreshDatabase() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    Map<String, String> fresh = infra.freshDatabase();
    try {
      NodesStartingTogether nodes = new NodesStartingTogether(fresh);
      assertThat(nodes.start(2, DEMO)).isEmpty();
      assertLoadedOnce(nodes);
    } finally {
      infra.dropDatabase(fresh);
    }
  }

  /** Both nodes look for the province before either has inserted it: the race, every time. */
  @Test
  void twoNodesThatBothFindNoProvinceLoadItOnce() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    Map<String, String> fresh = infra.freshDatabase();
    try {
      NodesStartingTogether nodes = new NodesStartingTogether(fresh);
      assertThat(nodes.start(2, Map.of("shuangyong.demo.enabled", false))).isEmpty();
      assertThat(nodes.interleaved(2, DEMO, "platform.region")).isEmpty();
      assertLoadedOnce(nodes);
    } finally {
      infra.dropDatabase(fresh);
    }
  }

  private static void assertLoadedOnce(NodesStartingTogether nodes) throws Exception {
    assertThat(nodes.count("select count(*) from platform.tenant where status = 'ACTIVE'"))
        .isEqualTo(20);
    assertThat(nodes.count("select count(*) from platform.region where code = 'zhejiang'"))
        .isEqualTo(1);
    assertThat(nodes.count("select count(*) from platform.app_user where username = 'admin'"))
        .isEqualTo(1);
  }
}
