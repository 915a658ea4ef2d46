package cn.shuangyong.tenants.attachments.api;

import cn.shuangyong.platform.users.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An attachment's metadata (the bytes are fetched separately). {@code createdByPerson} says who
 * uploaded it as people know them (display name, unit), filled where attachments are listed; the
 * login name stays in {@code createdBy}.
 */
@Serdeable
public record Attachment(
    long id,
    String fileName,
    String contentType,
    long sizeBytes,
    Instant createdAt,
    String createdBy,
    @Nullable Person createdByPerson) {

  /** The same attachment with who uploaded it resolved. */
  public Attachment withUploader(@Nullable Person person) {
    return new Attachment(id, fileName, contentType, sizeBytes, createdAt, createdBy, person);
  }
}
