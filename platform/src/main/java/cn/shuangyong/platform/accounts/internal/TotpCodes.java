package cn.shuangyong.platform.accounts.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * RFC 6238 codes through the {@code dev.samstevens.totp} library (HMAC-SHA1, 6 digits, 30 s: what
 * every authenticator app reads from a QR code): new secrets, the otpauth URI, and which time step
 * within one step either side of now a code belongs to (the caller then claims that step once).
 */
@Singleton
public class TotpCodes {
  public static final int PERIOD_SECONDS = 30;
  public static final int DIGITS = 6;

  /** How many steps before and after the current one a code may come from (clock drift). */
  public static final int WINDOW = 1;

  private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");
  private static final String ISSUER = "双拥云 Shuangyong Cloud";
  private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
  private final DefaultCodeGenerator generator =
      new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

  /** A new random secret, base32 (160 bits). */
  public String newSecret() {
    return secrets.generate();
  }

  /** The otpauth:// URI an authenticator app reads. */
  public String uri(String accountName, String secret) {
    return new QrData.Builder()
        .label(accountName)
        .secret(secret)
        .issuer(ISSUER)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(DIGITS)
        .period(PERIOD_SECONDS)
        .build()
        .getUri();
  }

  public static long stepOf(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
  }

  /** Whether the text has the form of a code at all (six digits). */
  public static boolean wellFormed(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /**
   * The time step near {@code now} whose code {@code code} is, if any (compared in constant time).
   */
  public OptionalLong matchingStep(String secret, String code, Instant now) {
    if (!wellFormed(code)) {
      return OptionalLong.empty();
    }
    long current = stepOf(now);
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    OptionalLong found = OptionalLong.empty();
    for (long step = current - WINDOW; step <= current + WINDOW; step++) {
      if (MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII))
          && found.isEmpty()) {
        found = OptionalLong.of(step);
      }
    }
    return found;
  }

  /** The code of one time step. */
  public String codeAt(String secret, long step) {
    try {
      return generator.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("a TOTP code could not be computed", e);
    }
  }
}
