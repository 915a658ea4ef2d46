package cn.shuangyong.tenants.notifications.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a notification is about: a type ({@code NEED}, later {@code PROJECT}, {@code GRANT}, {@code
 * CRITERIA_TASK}) and the id of the record in the tenant. The feature that notifies names its type;
 * the UI opens the subject through the view registered for that type.
 */
@Serdeable
public record Subject(String type, long id) {
  /** The 双清单's needs (and the type behind the legacy {@code needId} of a notification). */
  public static final String NEED = "NEED";

  public Subject {
    if (type == null || !type.matches("[A-Z][A-Z_]{1,39}")) {
      throw new IllegalArgumentException("a subject type is upper-case letters: " + type);
    }
  }
}
