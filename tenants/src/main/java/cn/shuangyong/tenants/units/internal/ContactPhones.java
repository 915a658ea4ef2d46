package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.privacy.PersonalDataCipher;
import cn.shuangyong.platform.privacy.PersonalDataMasks;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * A unit's contact phone at rest and on the way out: stored encrypted ({@link PersonalDataCipher}),
 * answered masked, opened only for an unmasking. A form that sends back the masked number it was
 * shown (an edit that left the phone alone) keeps the number on record.
 */
@Singleton
class ContactPhones {
  private final PersonalDataCipher cipher;

  ContactPhones(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  /** What to store for the submitted phone, given what is stored now ({@code null}: a new unit). */
  @Nullable
  String stored(@Nullable String submitted, @Nullable String current) {
    String phone = UnitCatalog.blankToNull(submitted);
    if (phone == null) {
      return null;
    }
    if (phone.contains("*")) {
      if (current != null && phone.equals(masked(current))) {
        return current;
      }
      throw new ValidationException("contactPhone", "unit.contact-phone.masked");
    }
    return cipher.encrypt(phone);
  }

  @Nullable
  String masked(@Nullable String stored) {
    return PersonalDataMasks.phone(plain(stored));
  }

  @Nullable
  String plain(@Nullable String stored) {
    return cipher.reveal(stored);
  }

  boolean encrypted(@Nullable String stored) {
    return stored == null || cipher.isEncrypted(stored);
  }

  String encrypt(String plain) {
    return cipher.encrypt(plain);
  }
}
