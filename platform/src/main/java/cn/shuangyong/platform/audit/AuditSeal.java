package cn.shuangyong.platform.audit;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The keyed seal of one audit row: a MAC over the row's content and the previous row's seal, so
 * whoever rewrites the trail without the key (the database superuser too) cannot make the chain
 * whole again; a plain hash recomputed over a forged row does not match. The default is HMAC-SHA256
 * through the JDK ({@link HmacSha256Seal}); a certified cryptographic module (SM3-HMAC in a 商用密码
 * product) replaces it by providing another bean of this type. The key never lives in the database
 * ({@link AuditKey}).
 */
public interface AuditSeal {
  /** The algorithm's name, stored with each row, so a row sealed by another seal is told apart. */
  String algorithm();

  /** The seal of {@code message}, as lower-case hex. */
  String seal(byte[] message);

  /** Whether {@code seal} is the seal of {@code message}, compared in constant time. */
  default boolean matches(byte[] message, String seal) {
    if (seal == null) {
      return false;
    }
    return MessageDigest.isEqual(HexFormat.of().parseHex(seal(message)), parseOrEmpty(seal));
  }

  private static byte[] parseOrEmpty(String hex) {
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
