package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key: required, at least 32 bytes, generated only where the one-command run asks. */
class AuditKeyTest {
  private static final String KEY = "ab".repeat(32);

  @Test
  void withoutAKeyTheApplicationDoesNotStart() {
    assertThatThrownBy(() -> new AuditKey(null, null, false))
        .hasMessageContaining("shuangyong.audit.key");
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new AuditKey("abcd", null, false)).hasMessageContaining("32 bytes");
  }

  @Test
  void aMissingKeyFileIsAnErrorUnlessGenerationIsAllowed(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("audit.key");
    assertThatThrownBy(() -> new AuditKey(null, file.toString(), false))
        .hasMessageContaining("cannot be read");
    byte[] generated = new AuditKey(null, file.toString(), true).bytes();
    assertThat(generated).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new AuditKey(null, file.toString(), true).bytes()).isEqualTo(generated);
  }

  @Test
  void theSealDependsOnTheKey() {
    byte[] message = "event".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HmacSha256Seal one = new HmacSha256Seal(new AuditKey(KEY, null, false));
    HmacSha256Seal other = new HmacSha256Seal(new AuditKey("cd".repeat(32), null, false));
    assertThat(one.matches(message, one.seal(message))).isTrue();
    assertThat(one.matches(message, other.seal(message))).isFalse();
    assertThat(one.matches(message, "not hex")).isFalse();
  }
}
