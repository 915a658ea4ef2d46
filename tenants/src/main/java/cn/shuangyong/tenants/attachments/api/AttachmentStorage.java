package cn.shuangyong.tenants.attachments.api;

import cn.shuangyong.platform.tenancy.TenantContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Bytes of attachments in a directory, under a tenant-prefixed key ({@code pinghu/needs/<uuid>});
 * metadata lives in the tenant schema. An S3-compatible store can replace this class later.
 */
@Singleton
public class AttachmentStorage {
  private final Path root;

  /**
   * {@code shuangyong.storage.directory}, else {@code attachments} under {@code
   * shuangyong.data-dir}: two values, since a placeholder nested in a default ends at its first
   * closing brace (the directory name kept a stray {@code "}"}).
   */
  public AttachmentStorage(
      @Value("${shuangyong.storage.directory:}") String directory,
      @Value("${shuangyong.data-dir:./data}") String dataDirectory) {
    Path configured =
        directory.isBlank() ? Path.of(dataDirectory, "attachments") : Path.of(directory);
    this.root = configured.toAbsolutePath().normalize();
  }

  /** Where the bytes are kept. */
  public Path root() {
    return root;
  }

  /** Stores the bytes and answers the new key; the key starts with the tenant's code. */
  public String store(TenantContext tenant, String area, byte[] content) {
    String key = tenant.code().value() + "/" + area + "/" + UUID.randomUUID();
    Path file = resolve(tenant, key);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store attachment " + key, e);
    }
  }

  public byte[] read(TenantContext tenant, String key) {
    try {
      return Files.readAllBytes(resolve(tenant, key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attachment " + key, e);
    }
  }

  /**
   * A key of another tenant (or one that leaves the root) is refused, whatever the database says.
   */
  private Path resolve(TenantContext tenant, String key) {
    Path file = root.resolve(key).normalize();
    if (!key.startsWith(tenant.code().value() + "/")
        || !file.startsWith(root.resolve(tenant.code().value()))) {
      throw new IllegalStateException("attachment key outside the tenant: " + key);
    }
    return file;
  }
}
