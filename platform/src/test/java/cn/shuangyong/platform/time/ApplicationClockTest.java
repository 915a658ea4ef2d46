package cn.shuangyong.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A replayed step's time holds on its own thread, for the step only, in every zone's copy. */
class ApplicationClockTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant PAST = Instant.parse("2026-09-10T01:30:00Z");
  private final ApplicationClock clock = new ApplicationClock(Clock.fixed(NOW, ChinaTime.ZONE));

  @Test
  void aReplayedStepReadsItsOwnTimeEverywhereOnItsThread() {
    Clock utc = clock.withZone(ZoneOffset.UTC);
    Instant[] seen =
        clock.replaying(
            PAST,
            () ->
                new Instant[] {
                  clock.instant(), utc.instant(), clock.withZone(ChinaTime.ZONE).instant()
                });
    assertThat(seen).containsOnly(PAST);
    assertThat(clock.millis()).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void otherThreadsAndLaterReadsKeepTheBaseTime() {
    Instant other =
        clock.replaying(PAST, () -> CompletableFuture.supplyAsync(clock::instant).join());
    assertThat(other).isEqualTo(NOW);
    assertThat(clock.instant()).isEqualTo(NOW);
  }

  @Test
  void aFailedStepLeavesNoReplayedTimeBehindAndStepsDoNotNest() {
    assertThatThrownBy(
            () ->
                clock.replaying(
                    PAST,
                    () -> {
                      throw new IllegalStateException("step failed");
                    }))
        .hasMessage("step failed");
    assertThat(clock.instant()).isEqualTo(NOW);
    assertThatThrownBy(() -> clock.replaying(PAST, () -> clock.replaying(NOW, () -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(clock.withZone(ZoneId.of("Europe/Berlin")).getZone())
        .isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
