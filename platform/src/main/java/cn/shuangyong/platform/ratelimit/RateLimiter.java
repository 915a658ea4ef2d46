package cn.shuangyong.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets from Bucket4j, shared by every node through Redis (Bucket4j's Lettuce integration,
 * compare-and-swap on one key per subject) when {@code shuangyong.redis.uri} is set, in-process
 * (Bucket4j over Caffeine) otherwise. Every call is asynchronous: the API filter asks on the event
 * loop and never waits there. While Redis is away (not connected, or slower than the timeout) the
 * node counts on its own buckets instead: the limit then holds per node, and no request waits for
 * Redis or fails for it.
 */
@Context
public class RateLimiter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private static final Duration RECONNECT_DELAY = Duration.ofSeconds(5);
  private final AsyncProxyManager<String> local;
  private final Duration timeout;
  private final String keyPrefix;
  private final Map<RateLimit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
  private final RedisClient redis;
  private final RedisURI redisUri;
  private volatile CompletableFuture<AsyncProxyManager<String>> shared;
  private volatile long nextConnectNanos;
  private volatile long localUntilNanos = System.nanoTime();

  public RateLimiter(
      @Nullable @Value("${shuangyong.redis.uri:}") String redisUri,
      @Value("${shuangyong.redis.timeout:250ms}") Duration timeout,
      @Value("${shuangyong.rate-limit.in-process-max-entries:100000}") long maximumEntries,
      @Value("${shuangyong.rate-limit.key-prefix:rl:}") String keyPrefix) {
    this.timeout = timeout;
    this.keyPrefix = keyPrefix;
    this.local =
        Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maximumEntries))
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build()
            .asAsync();
    boolean configured = redisUri != null && !redisUri.isBlank();
    this.redisUri = configured ? RedisURI.create(redisUri) : null;
    if (configured) {
      this.redisUri.setTimeout(timeout);
    }
    this.redis = configured ? client(timeout) : null;
    // connect now, on the starting thread, not on the event loop of the first request
    sharedOrLocal();
  }

  /** Takes one request from {@code subject}'s bucket of {@code limit}. */
  public CompletableFuture<RateLimitVerdict> tryAcquire(RateLimit limit, String subject) {
    String key = keyPrefix + limit.name() + ":" + subject;
    return sharedOrLocal()
        .thenCompose(manager -> consume(manager, limit, key))
        .exceptionallyCompose(
            failure -> {
              LOG.debug("shared rate limit unavailable, counting on this node: {}", failure);
              // one request waited for a silent Redis: the next ones for a while do not
              localUntilNanos = System.nanoTime() + RECONNECT_DELAY.toNanos();
              return consume(local, limit, key);
            });
  }

  /** Every limit of {@code checks} in turn; the first refusal is the answer. */
  public CompletableFuture<RateLimitVerdict> tryAcquireAll(List<Check> checks) {
    CompletableFuture<RateLimitVerdict> verdict = CompletableFuture.completedFuture(null);
    for (Check check : checks) {
      verdict =
          verdict.thenCompose(
              previous ->
                  previous != null && !previous.allowed()
                      ? CompletableFuture.completedFuture(previous)
                      : tryAcquire(check.limit(), check.subject()));
    }
    return verdict.thenApply(last -> last == null ? RateLimitVerdict.ALLOWED : last);
  }

  /**
   * The same, waiting for the answer (at most the Redis timeout and a little): for callers on a
   * worker thread (the API's sign-in, the UI's login form), never on the event loop.
   */
  public RateLimitVerdict tryAcquireAllBlocking(List<Check> checks) {
    try {
      return tryAcquireAll(checks).get(timeout.toMillis() * 4 + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RateLimitVerdict.ALLOWED;
    } catch (Exception e) {
      LOG.warn("rate limit not decided, request let through: {}", e.getMessage());
      return RateLimitVerdict.ALLOWED;
    }
  }

  /** One limit for one subject. */
  public record Check(RateLimit limit, String subject) {}

  private CompletableFuture<RateLimitVerdict> consume(
      AsyncProxyManager<String> manager, RateLimit limit, String key) {
    CompletableFuture<ConsumptionProbe> probe =
        manager
            .builder()
            .build(key, configurations.computeIfAbsent(limit, RateLimit::bucket))
            .tryConsumeAndReturnRemaining(1);
    if (manager != local) {
      probe = probe.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return probe.thenApply(
        consumed ->
            consumed.isConsumed()
                ? RateLimitVerdict.ALLOWED
                : new RateLimitVerdict(
                    false, Duration.ofNanos(consumed.getNanosToWaitForRefill())));
  }

  /** The Redis buckets once connected (connecting without blocking), else the local ones. */
  private CompletableFuture<AsyncProxyManager<String>> sharedOrLocal() {
    if (redis == null || System.nanoTime() - localUntilNanos < 0) {
      return CompletableFuture.completedFuture(local);
    }
    CompletableFuture<AsyncProxyManager<String>> current = shared;
    if (current == null || (current.isCompletedExceptionally() && connectDue())) {
      synchronized (this) {
        if (shared == null || (shared.isCompletedExceptionally() && connectDue())) {
          nextConnectNanos = System.nanoTime() + RECONNECT_DELAY.toNanos();
          shared = connect();
        }
        current = shared;
      }
    }
    if (!current.isDone() || current.isCompletedExceptionally()) {
      return CompletableFuture.completedFuture(local);
    }
    return current;
  }

  private boolean connectDue() {
    return System.nanoTime() - nextConnectNanos >= 0;
  }

  private CompletableFuture<AsyncProxyManager<String>> connect() {
    RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    CompletableFuture<StatefulRedisConnection<String, byte[]>> connection =
        redis.connectAsync(codec, redisUri).toCompletableFuture();
    return connection
        .thenApply(
            connected ->
                Bucket4jLettuce.casBasedBuilder(connected)
                    .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build()
                    .asAsync())
        .whenComplete(
            (manager, failure) -> {
              if (failure != null) {
                LOG.info(
                    "rate limits counted on this node until Redis answers: {}",
                    failure instanceof CompletionException ? failure.getCause() : failure);
              }
            });
  }

  private static RedisClient client(Duration timeout) {
    RedisClient client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .build());
    return client;
  }

  @PreDestroy
  @Override
  public void close() {
    if (redis != null) {
      redis.shutdownAsync();
    }
  }
}
