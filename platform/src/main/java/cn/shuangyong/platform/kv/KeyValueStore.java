package cn.shuangyong.platform.kv;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Short-lived shared state (token revocations, login counters, cached summaries). Redis when
 * configured, an in-process map otherwise; keys carry their tenant when they belong to one.
 */
public interface KeyValueStore extends AutoCloseable {
  Optional<String> get(String key);

  /** The values of several keys in one round trip, in the order of {@code keys}. */
  List<Optional<String>> getAll(List<String> keys);

  void put(String key, String value, Duration timeToLive);

  /** Adds one and returns the new count; the key expires {@code timeToLive} after its creation. */
  long increment(String key, Duration timeToLive);

  void delete(String key);

  /**
   * Tells every node listening on {@code channel}, without waiting for an answer. A message is lost
   * while the store is unavailable: it is a fast path only, the durable record lives elsewhere.
   */
  void publish(String channel, String message);

  /**
   * Hears the messages of {@code channel} from now on, on the store's own threads (the listener
   * must not block). Answers whether the subscription stands; while the store is unavailable it
   * does not, and the caller asks again later (the same listener is registered once).
   */
  boolean subscribe(String channel, Consumer<String> listener);

  /** What serves this store, for the log and the health page. */
  String describe();

  @Override
  default void close() {}
}
