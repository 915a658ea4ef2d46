package cn.shuangyong.platform.privacy;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every unmasking of personal data goes to the audit trail as {@value #ACTION}: who, under which
 * tenant, whose data ({@code target}, e.g. {@code garrison-unit:12}, {@code user:pinghu.staff}) and
 * which fields, never the values. Written to the platform trail directly, in its own transaction:
 * an unmasking is a read, and the tenant's read-only transaction cannot hold an outbox entry.
 */
@Singleton
public class UnmaskingAudit {
  public static final String ACTION = "PERSONAL_DATA_UNMASKED";

  private final AuditLog audit;

  UnmaskingAudit(AuditLog audit) {
    this.audit = audit;
  }

  /** Records that {@code caller} was shown {@code fields} of {@code target} in plain. */
  public void unmasked(
      CurrentUser caller, @Nullable String tenant, String target, List<String> fields) {
    audit.record(
        new AuditLog.Entry(
            caller.username(),
            tenant,
            ACTION,
            target,
            "SUCCESS",
            null,
            "{\"fields\":["
                + fields.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(","))
                + "]}"));
  }
}
