package cn.shuangyong.platform.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who did something, as people know them: the account's display name and the unit it is bound to
 * (王芳, 平湖市交通运输局), with the login name kept for the office that looks accounts up by it. {@code
 * system} marks the platform's own actors (jobs, the demo loader), shown as 系统 / System; {@code
 * displayName} is null for them and for a name no account has (any more).
 */
@Serdeable
public record Person(
    String username, @Nullable String displayName, @Nullable String unit, boolean system) {

  /** The platform's own actors: {@code system}, {@code system:<job>} and the demo loader. */
  public static boolean isSystemActor(@Nullable String username) {
    return username != null
        && (username.equals("system") || username.startsWith("system:") || username.equals("demo"));
  }

  /** A name no account answers to: a system actor, or the name as it was recorded. */
  public static Person unknown(String username) {
    return new Person(username, null, null, isSystemActor(username));
  }
}
