package cn.shuangyong.platform.accounts.internal;

import cn.shuangyong.platform.users.PasswordPolicy;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/**
 * One-time initial passwords: 12 characters from a secure random source, with an upper and a lower
 * case letter, a digit and a symbol, and none of the characters people misread on a printed slip
 * (0/O, 1/l/I).
 */
@Singleton
public class PasswordGenerator {
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "@#%+=?!";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int LENGTH = 12;
  private final SecureRandom random = new SecureRandom();
  private final PasswordPolicy policy;

  PasswordGenerator(PasswordPolicy policy) {
    this.policy = policy;
  }

  public String next() {
    while (true) {
      char[] password = new char[LENGTH];
      password[0] = pick(UPPER);
      password[1] = pick(LOWER);
      password[2] = pick(DIGITS);
      password[3] = pick(SYMBOLS);
      for (int i = 4; i < LENGTH; i++) {
        password[i] = pick(ALL);
      }
      for (int i = LENGTH - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        char swap = password[i];
        password[i] = password[j];
        password[j] = swap;
      }
      String candidate = new String(password);
      if (policy.violation(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
