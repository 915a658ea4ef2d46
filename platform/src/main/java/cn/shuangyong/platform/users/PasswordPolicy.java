package cn.shuangyong.platform.users;

import jakarta.inject.Singleton;
import java.util.Optional;

/** At least 8 characters and at least three of: upper case, lower case, digit, symbol. */
@Singleton
public class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  /** The message key of the first broken rule, empty when the password is acceptable. */
  public Optional<String> violation(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("password.too-short");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.too-long");
    }
    int classes = 0;
    classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes >= 3 ? Optional.empty() : Optional.of("password.too-simple");
  }
}
