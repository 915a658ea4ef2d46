package cn.shuangyong.platform.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * A Redis of the test's own (the embedded redis-server on a free port), for tests that inject a
 * fault into it: freeze it, make it refuse writes, stop it. The shared Redis of the machine is
 * never touched by such a test.
 */
public final class OwnRedis implements AutoCloseable {
  private final int port;
  private final RedisServer server;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> control;

  public OwnRedis() {
    this.port = freePort();
    try {
      this.server =
          RedisServer.newRedisServer()
              .port(port)
              .setting("bind 127.0.0.1")
              .setting("save \"\"")
              .build();
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start an own redis-server", e);
    }
    this.client = RedisClient.create(uri());
    this.control = client.connect();
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** From now on every write is refused with OOM (reads, DEL and PUBLISH still answer). */
  public void refuseWrites() {
    control.sync().configSet("maxmemory-policy", "noeviction");
    control.sync().configSet("maxmemory", "1");
  }

  public void acceptWrites() {
    control.sync().configSet("maxmemory", "0");
  }

  /**
   * Freezes the server for {@code duration} for real ({@code DEBUG SLEEP}): connections stay open,
   * nothing is answered. Returns at once; the server answers again after the duration.
   */
  public void freeze(Duration duration) {
    StatefulRedisConnection<String, String> sleeper = client.connect();
    sleeper.setTimeout(duration.plusSeconds(5));
    sleeper
        .async()
        .dispatch(
            CommandType.DEBUG,
            new StatusOutput<>(StringCodec.UTF8),
            new CommandArgs<>(StringCodec.UTF8)
                .add("SLEEP")
                .add(Double.toString(duration.toMillis() / 1000.0)))
        .whenComplete((ok, failure) -> sleeper.closeAsync());
  }

  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    control.closeAsync();
    client.shutdownAsync();
    try {
      if (server.isActive()) {
        server.stop();
      }
    } catch (IOException e) {
      // the process goes with the JVM
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
