package cn.shuangyong.platform.audit;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the audit trail as the API shows it. {@code userDisplayName} (the account's display
 * name, also as {@code userName}) and {@code tenantName} are read with the page, for people who do
 * not know login names and tenant codes by heart; null when the account or tenant does not exist
 * (an unknown name at sign-in, the system). {@code detail} is what the writer added (a reason, a
 * count, the caller's own tenant of a refusal). {@code before} and {@code after} are the changed
 * record's fields before and after a change ({@link AuditChanges}; personal data masked): absent
 * for an event that changes nothing, {@code before} absent for a creation, {@code after} for a
 * deletion.
 */
@Serdeable
public record AuditEvent(
    long id,
    OffsetDateTime at,
    @Nullable String user,
    @Nullable String tenant,
    String action,
    @Nullable String target,
    String result,
    @Nullable String ip,
    @Nullable String userName,
    @Nullable String tenantName,
    @Nullable String detail,
    @Nullable String userDisplayName,
    @Nullable Map<String, Object> before,
    @Nullable Map<String, Object> after) {

  @Creator
  public AuditEvent {
    before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = after == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }

  /** The contract's name of the display name ({@code userName} is kept for earlier clients). */
  public AuditEvent(
      long id,
      OffsetDateTime at,
      @Nullable String user,
      @Nullable String tenant,
      String action,
      @Nullable String target,
      String result,
      @Nullable String ip,
      @Nullable String userName,
      @Nullable String tenantName,
      @Nullable String detail) {
    this(
        id,
        at,
        user,
        tenant,
        action,
        target,
        result,
        ip,
        userName,
        tenantName,
        detail,
        userName,
        null,
        null);
  }
}
