package cn.shuangyong.platform.audit;

import cn.shuangyong.platform.security.KeyMaterial;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The key of the audit seal, held outside the database so that its superuser cannot re-seal a
 * rewritten trail: {@code shuangyong.audit.key} (hex or base64, at least 32 bytes; env {@code
 * SHUANGYONG_AUDIT_KEY}) or the file {@code shuangyong.audit.key-file}. Required: without either
 * the application does not start. Only when {@code shuangyong.audit.generate-key} is on (the
 * one-command run with its embedded database sets it) a missing key file is created ({@link
 * KeyMaterial}).
 */
@Singleton
public class AuditKey {
  private static final KeyMaterial MATERIAL =
      new KeyMaterial("audit", "shuangyong.audit.key", "shuangyong.audit.key-file");
  private final byte[] bytes;

  AuditKey(
      @Nullable @Value("${shuangyong.audit.key:}") String key,
      @Nullable @Value("${shuangyong.audit.key-file:}") String keyFile,
      @Value("${shuangyong.audit.generate-key:false}") boolean generate) {
    this.bytes = MATERIAL.load(key, keyFile, generate);
  }

  /** A copy of the key. */
  byte[] bytes() {
    return bytes.clone();
  }
}
