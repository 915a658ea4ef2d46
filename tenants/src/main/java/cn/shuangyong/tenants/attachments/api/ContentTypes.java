package cn.shuangyong.tenants.attachments.api;

import cn.shuangyong.platform.web.ValidationException;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * Decides what an upload really is from its bytes (Apache Tika), not from its name: photos, PDF and
 * Office files are accepted, anything else is refused.
 */
@Singleton
public class ContentTypes {
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  static final Set<String> ACCEPTED =
      Set.of(
          "image/jpeg",
          "image/png",
          "image/gif",
          "image/webp",
          "image/heic",
          "application/pdf",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/x-tika-msoffice",
          "application/x-tika-ooxml",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation");

  private static final Set<String> CONTAINERS =
      Set.of("application/zip", "application/x-tika-ooxml", "application/x-tika-msoffice");

  private final Tika tika = new Tika();

  /**
   * The sniffed content type, or a 422 naming the file when it is empty, too big or not allowed.
   */
  public String check(String fileName, byte[] content) {
    if (content.length == 0) {
      throw new ValidationException("file", "attachment.empty");
    }
    if (content.length > MAX_BYTES) {
      throw new ValidationException("file", "attachment.too-large", MAX_BYTES / 1024 / 1024);
    }
    // the bytes decide; the name only tells apart the Office formats inside a zip or OLE container
    String type = tika.detect(content);
    if (CONTAINERS.contains(type)) {
      try {
        type = tika.detect(new ByteArrayInputStream(content), fileName);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (CONTAINERS.contains(type) && !type.startsWith("application/x-tika")) {
        throw new ValidationException("file", "attachment.type", type);
      }
    }
    if (!ACCEPTED.contains(type)) {
      throw new ValidationException("file", "attachment.type", type);
    }
    return type;
  }
}
