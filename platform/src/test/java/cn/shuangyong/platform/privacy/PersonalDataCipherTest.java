package cn.shuangyong.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Personal data is stored encrypted under a key outside the database, and opens only with it. */
class PersonalDataCipherTest {
  private final PersonalDataCipher cipher = new PersonalDataCipher("ab".repeat(32), null, false);

  @Test
  void aValueReadsBackAndIsNeverStoredInTheClear() {
    String stored = cipher.encrypt("13957312345");
    assertThat(stored).startsWith("v1:").doesNotContain("13957312345");
    assertThat(cipher.decrypt(stored)).isEqualTo("13957312345");
    assertThat(cipher.encrypt("13957312345")).as("a fresh nonce each time").isNotEqualTo(stored);
    assertThat(cipher.isEncrypted(stored)).isTrue();
    assertThat(cipher.isEncrypted("13957312345")).isFalse();
    assertThat(cipher.encrypt(null)).isNull();
    assertThat(cipher.decrypt(null)).isNull();
  }

  @Test
  void anotherKeyOrAnAlteredValueDoesNotOpen() {
    String stored = cipher.encrypt("330482199001011234");
    PersonalDataCipher other = new PersonalDataCipher("cd".repeat(32), null, false);
    assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
    bytes[bytes.length / 2] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt("plain")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt("v1:%%%")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theLookupDigestIsStablePerKeyAndRevealsNothingOfTheValue() {
    String digest = cipher.digest("330482199001011234");
    assertThat(digest).hasSize(64).matches("[0-9a-f]+").doesNotContain("330482");
    assertThat(cipher.digest("330482199001011234")).as("stable: a lookup key").isEqualTo(digest);
    assertThat(cipher.digest("33048219900101123X")).isNotEqualTo(digest);
    PersonalDataCipher other = new PersonalDataCipher("cd".repeat(32), null, false);
    assertThat(other.digest("330482199001011234")).as("keyed").isNotEqualTo(digest);
  }

  @Test
  void withoutAKeyTheApplicationDoesNotStart() {
    assertThatThrownBy(() -> new PersonalDataCipher(null, null, false))
        .hasMessageContaining("shuangyong.privacy.key");
  }
}
