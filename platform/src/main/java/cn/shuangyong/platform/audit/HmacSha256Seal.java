package cn.shuangyong.platform.audit;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default {@link AuditSeal}: HMAC-SHA256 (JCA) with the key of {@link AuditKey}. Secondary, so
 * that a certified module's seal, when present, wins without configuration.
 */
@Singleton
@Secondary
public class HmacSha256Seal implements AuditSeal {
  static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public HmacSha256Seal(AuditKey key) {
    this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
  }

  @Override
  public String algorithm() {
    return "HMAC-SHA256";
  }

  @Override
  public String seal(byte[] message) {
    try {
      // a Mac is not thread-safe: one per call (microseconds, far below the insert's cost)
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
