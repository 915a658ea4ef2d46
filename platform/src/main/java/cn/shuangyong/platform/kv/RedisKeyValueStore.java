package cn.shuangyong.platform.kv;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Redis through Lettuce, connecting lazily and reconnecting by itself. While Redis is down a
 * command fails within the timeout (250 ms by default) instead of Lettuce's 60 s. Publish and
 * subscribe use a connection of their own, which Lettuce re-subscribes after a reconnect.
 */
public class RedisKeyValueStore implements KeyValueStore, AutoCloseable {
  private final RedisClient client;
  private final String uri;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, CopyOnWriteArrayList<Consumer<String>>> listeners =
      new ConcurrentHashMap<>();

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
            // a frozen Redis accepts the TCP connection and then says nothing: give up as fast
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
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

  /**
   * Where the store is, for the log and {@code /health}: the host and port, or with a {@code
   * redis-sentinel://} URI the master's name and the Sentinels asked for it (such a URI has no host
   * of its own). Never the password or the user a URI may carry.
   */
  @Override
  public void publish(String channel, String message) {
    try {
      connect().async().publish(channel, message);
    } catch (RuntimeException e) {
      // lost: subscribers learn it from the durable record instead
    }
  }

  @Override
  public boolean subscribe(String channel, Consumer<String> listener) {
    listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).addIfAbsent(listener);
    try {
      connectPubSub().sync().subscribe(channel);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    return describe(RedisURI.create(uri));
  }

  static String describe(RedisURI redisUri) {
    if (redisUri.getSentinels().isEmpty()) {
      return "Redis at " + redisUri.getHost() + ":" + redisUri.getPort();
    }
    String sentinels =
        redisUri.getSentinels().stream()
            .map(sentinel -> sentinel.getHost() + ":" + sentinel.getPort())
            .collect(java.util.stream.Collectors.joining(","));
    return "Redis master " + redisUri.getSentinelMasterId() + " through Sentinel " + sentinels;
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

  private synchronized StatefulRedisPubSubConnection<String, String> connectPubSub() {
    if (pubSub == null) {
      StatefulRedisPubSubConnection<String, String> opened = client.connectPubSub();
      opened.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              listeners
                  .getOrDefault(channel, new CopyOnWriteArrayList<>())
                  .forEach(listener -> listener.accept(message));
            }
          });
      pubSub = opened;
    }
    return pubSub;
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    if (pubSub != null) {
      pubSub.close();
    }
    client.shutdown();
  }
}
