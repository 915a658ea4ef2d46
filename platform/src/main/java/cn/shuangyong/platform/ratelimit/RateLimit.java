package cn.shuangyong.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * One limit: at most {@code capacity} requests per {@code period} for one subject (an address or an
 * account), refilled evenly over the period (a token bucket), so a burst is cut at the capacity and
 * a steady client at the period's rate.
 */
public record RateLimit(String name, long capacity, Duration period) {
  public RateLimit {
    if (capacity < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("rate limit " + name + " needs a capacity and a period");
    }
  }

  BucketConfiguration bucket() {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
        .build();
  }
}
