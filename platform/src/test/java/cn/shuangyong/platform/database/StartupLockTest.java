package cn.shuangyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A node whose colleague's startup step (loading the demo province) takes longer than the platform
 * pool's lock and statement timeouts waits for it instead of crashing: the fault suite saw the
 * second of two nodes started on a fresh database exit with "canceling statement due to lock
 * timeout" while the first loaded the demo province; and beyond the pool's socket timeout (the
 * statement timeout + 5 s), past which the waiting node's driver gave up with "Read timed out" when
 * the demo province took longer than that to load on a busy machine.
 */
class StartupLockTest {

  @Test
  void aNodeWaitsForAnotherNodesLongStartupStepBeyondTheLockAndSocketTimeouts() throws Exception {
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("micronaut.server.port", -1);
    properties.put("shuangyong.db.lock-timeout", "200ms");
    properties.put("shuangyong.db.statement-timeout", "400ms");
    Duration otherNodesStep = Duration.ofSeconds(9);
    Duration socketTimeout = Duration.ofSeconds(6); // 400 ms + 5 s, in whole seconds
    try (ApplicationContext node = ApplicationContext.run(properties, "test");
        Connection otherNode = TestInfrastructure.get().ownerConnection()) {
      CountDownLatch held = new CountDownLatch(1);
      CompletableFuture<Void> other =
          CompletableFuture.runAsync(
              () -> {
                try {
                  call(otherNode, "pg_advisory_lock");
                  held.countDown();
                  Thread.sleep(otherNodesStep.toMillis());
                  call(otherNode, "pg_advisory_unlock");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
      AtomicBoolean ran = new AtomicBoolean();
      long started = System.nanoTime();
      node.getBean(StartupLock.class).exclusively("a test step", () -> ran.set(true));
      assertThat(ran).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThan(socketTimeout.plusMillis(500));
      other.get(10, TimeUnit.SECONDS);
    }
  }

  private static void call(Connection connection, String function) throws Exception {
    try (PreparedStatement statement =
        connection.prepareStatement("select " + function + "(hashtext(?))")) {
      statement.setString(1, "shuangyong-startup-data");
      statement.execute();
    }
  }
}
