package cn.shuangyong.platform.kv;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Redis when {@code shuangyong.redis.uri} is set, the in-process store otherwise; logs which. */
@Factory
public class KeyValueStoreFactory {
  private static final Logger LOG = LoggerFactory.getLogger(KeyValueStoreFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  KeyValueStore keyValueStore(
      @Nullable @Value("${shuangyong.redis.uri:}") String uri,
      @Value("${shuangyong.redis.timeout:250ms}") Duration timeout,
      @Value("${shuangyong.kv.in-process-max-entries:100000}") long maximumEntries) {
    KeyValueStore store =
        uri == null || uri.isBlank()
            ? new InProcessKeyValueStore(Ticker.systemTicker(), maximumEntries)
            : new RedisKeyValueStore(uri, timeout);
    LOG.info("shared store: {}", store.describe());
    return store;
  }
}
