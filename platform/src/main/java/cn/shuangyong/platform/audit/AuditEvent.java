package cn.shuangyong.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;

/** One line of the audit trail as the API shows it. */
@Serdeable
public record AuditEvent(
    long id,
    OffsetDateTime at,
    @Nullable String user,
    @Nullable String tenant,
    String action,
    @Nullable String target,
    String result,
    @Nullable String ip) {}
