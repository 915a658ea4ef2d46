package cn.shuangyong.tenants.needs.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code need_attachment}: what {@link cn.shuangyong.tenants.attachments.api.Attachment}
 * is read from, plus where the bytes are kept.
 */
@MappedEntity("need_attachment")
public record NeedAttachmentRow(
    @Id @GeneratedValue @Nullable Long id,
    long needId,
    String fileName,
    String contentType,
    long sizeBytes,
    String storageKey,
    Instant createdAt,
    String createdBy) {}
