package cn.shuangyong.platform.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt with a configurable cost (12 by default, about a quarter second on our machines). */
@Singleton
public class PasswordHasher {
  private final int cost;

  /** Checked against when the user is unknown, so both answers take the same time. */
  private final String decoy;

  public PasswordHasher(@Value("${shuangyong.security.bcrypt-cost:12}") int cost) {
    this.cost = cost;
    this.decoy = hash("decoy-password-for-unknown-users");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Spends the time of one check without a user, so an unknown name cannot be told apart. */
  public void burnOneCheck(String password) {
    matches(password, decoy);
  }
}
