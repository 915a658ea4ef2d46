package cn.shuangyong.platform.kv;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

  /** What serves this store, for the log and the health page. */
  String describe();

  @Override
  default void close() {}
}
