package cn.shuangyong.platform.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Entries expire after their own time to live, and the store never holds more than its bound. */
class InProcessKeyValueStoreTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final InProcessKeyValueStore store = new InProcessKeyValueStore(now::get, 1_000);

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void anEntryIsGoneOnceItsTimeToLiveHasPassed() {
    store.put("short", "1", Duration.ofSeconds(10));
    store.put("long", "2", Duration.ofMinutes(15));
    advance(Duration.ofSeconds(9));
    assertThat(store.getAll(List.of("short", "long")))
        .containsExactly(Optional.of("1"), Optional.of("2"));
    advance(Duration.ofSeconds(1));
    assertThat(store.get("short")).isEmpty();
    assertThat(store.get("long")).contains("2");
    advance(Duration.ofMinutes(15));
    assertThat(store.get("long")).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void putAgainStartsANewTimeToLive() {
    store.put("key", "old", Duration.ofSeconds(10));
    advance(Duration.ofSeconds(8));
    store.put("key", "new", Duration.ofSeconds(10));
    advance(Duration.ofSeconds(8));
    assertThat(store.get("key")).contains("new");
    advance(Duration.ofSeconds(2));
    assertThat(store.get("key")).isEmpty();
  }

  @Test
  void aCounterKeepsTheExpiryOfItsFirstIncrementAndThenStartsAgain() {
    assertThat(store.increment("login:failures:ghost", Duration.ofMinutes(15))).isEqualTo(1);
    advance(Duration.ofMinutes(10));
    assertThat(store.increment("login:failures:ghost", Duration.ofMinutes(15))).isEqualTo(2);
    advance(Duration.ofMinutes(4));
    assertThat(store.increment("login:failures:ghost", Duration.ofMinutes(15))).isEqualTo(3);
    advance(Duration.ofMinutes(1));
    assertThat(store.get("login:failures:ghost")).isEmpty();
    assertThat(store.increment("login:failures:ghost", Duration.ofMinutes(15))).isEqualTo(1);
  }

  @Test
  void deleteRemovesAtOnce() {
    store.put("key", "1", Duration.ofMinutes(1));
    store.delete("key");
    assertThat(store.get("key")).isEmpty();
  }

  @Test
  void everyUnknownNameTriedDoesNotStayForEver() {
    for (int i = 0; i < 5_000; i++) {
      store.increment("login:failures:ghost" + i, Duration.ofMinutes(15));
    }
    assertThat(store.size()).isLessThanOrEqualTo(1_000);
    advance(Duration.ofMinutes(15));
    assertThat(store.size()).isZero();
  }
}
