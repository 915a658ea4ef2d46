package cn.shuangyong.platform.idempotency;

import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * An uploaded file read once into memory: the server's own upload may be read only once, and the
 * fingerprint of a keyed request needs its bytes before the operation reads them. Uploads are
 * capped at 10 MB before they reach an operation.
 */
final class BufferedUpload implements CompletedFileUpload {
  private final CompletedFileUpload original;
  private final byte[] content;

  BufferedUpload(CompletedFileUpload original, byte[] content) {
    this.original = original;
    this.content = content;
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(content);
  }

  @Override
  public byte[] getBytes() {
    return content.clone();
  }

  @Override
  public ByteBuffer getByteBuffer() {
    return ByteBuffer.wrap(content).asReadOnlyBuffer();
  }

  @Override
  public Optional<MediaType> getContentType() {
    return original.getContentType();
  }

  @Override
  public String getName() {
    return original.getName();
  }

  @Override
  public String getFilename() {
    return original.getFilename();
  }

  @Override
  public long getSize() {
    return content.length;
  }

  @Override
  public long getDefinedSize() {
    return original.getDefinedSize();
  }

  @Override
  public boolean isComplete() {
    return true;
  }

  @Override
  public void discard() {
    original.discard();
  }
}
