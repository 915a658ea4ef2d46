package cn.shuangyong.platform.kv;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The fallback on one node without Redis: a Caffeine cache where every entry expires after its own
 * time to live (as a Redis key would), bounded in size so that a flood of keys (every unknown user
 * name tried at the login) cannot grow it without end.
 */
public class InProcessKeyValueStore implements KeyValueStore {
  /** What a key holds, and when it expires on the cache's ticker (nanoseconds). */
  private record Entry(String value, long expiresAt) {}

  private final Cache<String, Entry> entries;
  private final Ticker ticker;
  private final Map<String, CopyOnWriteArrayList<Consumer<String>>> listeners =
      new ConcurrentHashMap<>();

  public InProcessKeyValueStore(Ticker ticker, long maximumSize) {
    this.ticker = ticker;
    this.entries =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumSize(maximumSize)
            .expireAfter(new UntilItsDeadline())
            .build();
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
  }

  @Override
  public List<Optional<String>> getAll(List<String> keys) {
    return keys.stream().map(this::get).toList();
  }

  @Override
  public void put(String key, String value, Duration timeToLive) {
    entries.put(key, new Entry(value, deadline(timeToLive)));
  }

  @Override
  public long increment(String key, Duration timeToLive) {
    // an expired entry is absent to compute, so the count starts again at one
    Entry updated =
        entries
            .asMap()
            .compute(
                key,
                (k, old) ->
                    old == null
                        ? new Entry("1", deadline(timeToLive))
                        : new Entry(
                            Long.toString(Long.parseLong(old.value()) + 1), old.expiresAt()));
    return Long.parseLong(updated.value());
  }

  @Override
  public void delete(String key) {
    entries.invalidate(key);
  }

  @Override
  public void publish(String channel, String message) {
    listeners
        .getOrDefault(channel, new CopyOnWriteArrayList<>())
        .forEach(listener -> listener.accept(message));
  }

  @Override
  public boolean subscribe(String channel, Consumer<String> listener) {
    listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).addIfAbsent(listener);
    return true;
  }

  /** How many entries are held (expired ones may count until Caffeine's next maintenance). */
  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  @Override
  public String describe() {
    return "in-process (single node; configure shuangyong.redis.uri for several nodes)";
  }

  private long deadline(Duration timeToLive) {
    return ticker.read() + timeToLive.toNanos();
  }

  /** Each entry lives until the deadline written with it; reading it does not extend it. */
  private static final class UntilItsDeadline implements Expiry<String, Entry> {
    @Override
    public long expireAfterCreate(String key, Entry entry, long currentTime) {
      return entry.expiresAt() - currentTime;
    }

    @Override
    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
      return entry.expiresAt() - currentTime;
    }

    @Override
    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
