package cn.shuangyong.platform.kv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fallback on one node without Redis. Expired entries are dropped when met. */
public class InProcessKeyValueStore implements KeyValueStore {
  private record Entry(String value, Instant expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public InProcessKeyValueStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<String> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.expiresAt().isAfter(clock.instant())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  @Override
  public List<Optional<String>> getAll(List<String> keys) {
    return keys.stream().map(this::get).toList();
  }

  @Override
  public void put(String key, String value, Duration timeToLive) {
    entries.put(key, new Entry(value, clock.instant().plus(timeToLive)));
  }

  @Override
  public long increment(String key, Duration timeToLive) {
    Instant now = clock.instant();
    Entry updated =
        entries.compute(
            key,
            (k, old) ->
                old == null || !old.expiresAt().isAfter(now)
                    ? new Entry("1", now.plus(timeToLive))
                    : new Entry(Long.toString(Long.parseLong(old.value()) + 1), old.expiresAt()));
    return Long.parseLong(updated.value());
  }

  @Override
  public void delete(String key) {
    entries.remove(key);
  }

  @Override
  public String describe() {
    return "in-process (single node; configure shuangyong.redis.uri for several nodes)";
  }
}
