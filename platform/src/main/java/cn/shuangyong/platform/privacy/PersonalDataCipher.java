package cn.shuangyong.platform.privacy;

import cn.shuangyong.platform.security.KeyMaterial;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (phone numbers, ID numbers, TOTP secrets) for storage with AES-256-GCM
 * under a key held outside the database: {@code shuangyong.privacy.key} (hex or base64, env {@code
 * SHUANGYONG_PRIVACY_KEY}) or the file {@code shuangyong.privacy.key-file}, generated beside the
 * embedded database by the one-command run like the audit key. A stored value reads {@code
 * v1:<base64 of nonce and ciphertext>}; the version names the key and algorithm so that a certified
 * module (SM4 through BouncyCastle) can take over for new values while old ones still read.
 */
@Singleton
public class PersonalDataCipher {
  static final String VERSION = "v1:";
  private static final KeyMaterial MATERIAL =
      new KeyMaterial("personal-data", "shuangyong.privacy.key", "shuangyong.privacy.key-file");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String HMAC = "HmacSHA256";
  private static final byte[] LOOKUP =
      "shuangyong personal-data lookup digest v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  PersonalDataCipher(
      @Nullable @Value("${shuangyong.privacy.key:}") String key,
      @Nullable @Value("${shuangyong.privacy.key-file:}") String keyFile,
      @Value("${shuangyong.privacy.generate-key:false}") boolean generate) {
    byte[] material = MATERIAL.load(key, keyFile, generate);
    this.key = new SecretKeySpec(Arrays.copyOf(material, 32), "AES");
    this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(material, HMAC), LOOKUP), HMAC);
  }

  /**
   * A keyed digest of {@code plain} (HMAC-SHA256, hex) to find records by a value that is stored
   * encrypted (a household by its ID number): equal values give equal digests, and without the key
   * a digest tells nothing, not even for the few billion possible ID numbers. The HMAC key is
   * derived from the personal-data key material, apart from the encryption key.
   */
  public String digest(String plain) {
    return HexFormat.of().formatHex(hmac(lookupKey, plain.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] input) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the personal-data lookup digest is not available", e);
    }
  }

  /** The stored form of {@code plain}; {@code null} stays {@code null}. */
  public String encrypt(@Nullable String plain) {
    if (plain == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plain.getBytes(StandardCharsets.UTF_8));
    ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
    return VERSION + Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * The plain value of a stored one; {@code null} stays {@code null}.
   *
   * @throws IllegalStateException when the value was not written by this key (altered, or a
   *     different key configured)
   */
  public String decrypt(@Nullable String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(VERSION)) {
      throw new IllegalStateException("a personal-data value of an unknown format");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a personal-data value that is not base64", e);
    }
    if (all.length <= NONCE_BYTES) {
      throw new IllegalStateException("a personal-data value too short to be one");
    }
    byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
  }

  /**
   * The plain value of a stored one that may still be plain: a value written before encryption at
   * rest, until the startup step has encrypted it ({@code PlatformContactEncryption}, the tenants'
   * {@code UnitContactEncryption}).
   */
  public String reveal(@Nullable String stored) {
    return isEncrypted(stored) ? decrypt(stored) : stored;
  }

  /** Whether a stored value is in this cipher's form (a migration encrypts the others). */
  public boolean isEncrypted(@Nullable String stored) {
    return stored != null && stored.startsWith(VERSION);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a personal-data value does not open with the configured key", e);
    }
  }
}
