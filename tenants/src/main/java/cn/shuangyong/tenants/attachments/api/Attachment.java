package cn.shuangyong.tenants.attachments.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An attachment's metadata (the bytes are fetched separately). */
@Serdeable
public record Attachment(
    long id,
    String fileName,
    String contentType,
    long sizeBytes,
    Instant createdAt,
    String createdBy) {}
