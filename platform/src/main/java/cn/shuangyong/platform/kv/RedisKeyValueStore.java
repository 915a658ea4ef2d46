package cn.shuangyong.platform.kv;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Redis through Lettuce, connecting lazily and reconnecting by itself. While Redis is down a
 * command fails within the timeout (250 ms by default) instead of Lettuce's 60 s.
 */
public class RedisKeyValueStore implements KeyValueStore, AutoCloseable {
  private final RedisClient client;
  private final String uri;
  private volatile StatefulRedisConnection<String, String> connection;

  public RedisKeyValueStore(String uri, Duration timeout) {
    this.uri = uri;
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(timeout);
    this.client = RedisClient.create(redisUri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(call(commands -> commands.get(key)));
  }

  @Override
  public List<Optional<String>> getAll(List<String> keys) {
    return call(
        commands ->
            commands.mget(keys.toArray(String[]::new)).stream()
                .map(
                    value ->
                        value.hasValue() ? Optional.of(value.getValue()) : Optional.<String>empty())
                .toList());
  }

  @Override
  public void put(String key, String value, Duration timeToLive) {
    call(commands -> commands.set(key, value, SetArgs.Builder.px(timeToLive.toMillis())));
  }

  @Override
  public long increment(String key, Duration timeToLive) {
    return call(
        commands -> {
          long count = commands.incr(key);
          if (count == 1) {
            commands.pexpire(key, timeToLive.toMillis());
          }
          return count;
        });
  }

  @Override
  public void delete(String key) {
    call(commands -> commands.del(key));
  }

  @Override
  public String describe() {
    return "Redis at " + RedisURI.create(uri).getHost() + ":" + RedisURI.create(uri).getPort();
  }

  private <T> T call(java.util.function.Function<RedisCommands<String, String>, T> command) {
    try {
      return command.apply(connect().sync());
    } catch (RuntimeException e) {
      throw new KeyValueStoreUnavailableException("Redis did not answer: " + e.getMessage(), e);
    }
  }

  private StatefulRedisConnection<String, String> connect() {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      synchronized (this) {
        if (connection == null) {
          connection = client.connect();
        }
        current = connection;
      }
    }
    return current;
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
