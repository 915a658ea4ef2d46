package cn.shuangyong.platform.idempotency;

import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** The header's name, syntax and lifetime, shared by the interceptor, the store and the purge. */
public final class Idempotency {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  public static final int MAX_LENGTH = 255;

  /** How long a key is remembered: a client retrying later than this creates anew. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private Idempotency() {}

  /** 400 unless 1..255 printable ASCII characters (space to tilde). */
  static String checked(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      throw ValidationException.malformed(HEADER, "idempotency.key.syntax", MAX_LENGTH);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw ValidationException.malformed(HEADER, "idempotency.key.syntax", MAX_LENGTH);
      }
    }
    return key;
  }
}
