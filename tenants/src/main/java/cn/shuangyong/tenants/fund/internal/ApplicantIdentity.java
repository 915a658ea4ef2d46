package cn.shuangyong.tenants.fund.internal;

import cn.shuangyong.platform.privacy.PersonalDataCipher;
import cn.shuangyong.platform.privacy.PersonalDataMasks;
import cn.shuangyong.tenants.fund.api.FundRules;
import jakarta.inject.Singleton;

/**
 * An applicant's ID number and phone at rest and on the way out: stored encrypted ({@link
 * PersonalDataCipher}), the ID number beside its keyed digest (HMAC-SHA256 under the personal-data
 * key material) so a household's grants are found without decrypting anything; answered masked,
 * opened only for an audited unmasking.
 */
@Singleton
public class ApplicantIdentity {
  private final PersonalDataCipher cipher;

  ApplicantIdentity(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  /** The stored form of a (valid) ID number. */
  public String encryptIdNumber(String idNumber) {
    return cipher.encrypt(FundRules.normalisedIdNumber(idNumber));
  }

  /** The lookup digest of an ID number, the household's key. */
  public String household(String idNumber) {
    return cipher.digest(FundRules.normalisedIdNumber(idNumber));
  }

  public String encryptPhone(String phone) {
    return cipher.encrypt(FundRules.normalisedPhone(phone));
  }

  String plain(String stored) {
    return cipher.reveal(stored);
  }

  String maskedIdNumber(String stored) {
    return PersonalDataMasks.idNumber(plain(stored));
  }

  String maskedPhone(String stored) {
    return PersonalDataMasks.phone(plain(stored));
  }
}
