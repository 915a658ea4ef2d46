package cn.shuangyong.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How personal data reads by default: enough to recognise, never enough to call or identify. */
class PersonalDataMasksTest {

  @Test
  void phonesKeepTheirPrefixAndLastDigitsOnly() {
    assertThat(PersonalDataMasks.phone("13912342345")).isEqualTo("139****2345");
    assertThat(PersonalDataMasks.phone(" 139 1234 2345 ")).isEqualTo("139****2345");
    assertThat(PersonalDataMasks.phone("+86 13912342345")).isEqualTo("+86 ****2345");
    assertThat(PersonalDataMasks.phone("0573-85010001")).isEqualTo("0573-****0001");
    assertThat(PersonalDataMasks.phone("(0573) 85010001")).isEqualTo("(0573) ****0001");
    assertThat(PersonalDataMasks.phone("85010001")).isEqualTo("****0001");
    assertThat(PersonalDataMasks.phone("0573-8500")).isEqualTo("****8500");
    assertThat(PersonalDataMasks.phone("8500123")).isEqualTo("****23");
    assertThat(PersonalDataMasks.phone("110")).isEqualTo("****10");
    assertThat(PersonalDataMasks.phone("1")).isEqualTo("****1");
    assertThat(PersonalDataMasks.phone(null)).isNull();
    assertThat(PersonalDataMasks.phone("  ")).isNull();
  }

  @Test
  void aMaskedPhoneHidesAtLeastFourOfItsDigits() {
    for (String phone :
        new String[] {"13912342345", "0573-85010001", "85010001", "1234567", "0573-8500"}) {
      String masked = PersonalDataMasks.phone(phone);
      assertThat(masked).contains("****");
      assertThat(phone.replaceAll("[^0-9]", "").length() - masked.replaceAll("[^0-9]", "").length())
          .as(phone)
          .isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void idNumbersHideTheBirthDate() {
    assertThat(PersonalDataMasks.idNumber("330482199001011234")).isEqualTo("330482********1234");
    assertThat(PersonalDataMasks.idNumber("33048219900101123X")).isEqualTo("330482********123X");
    assertThat(PersonalDataMasks.idNumber("330482900101123")).isEqualTo("330482********1123");
    assertThat(PersonalDataMasks.idNumber("12345")).isEqualTo("***45");
    assertThat(PersonalDataMasks.idNumber(null)).isNull();
  }

  @Test
  void emailsKeepTheFirstCharacterAndTheDomain() {
    assertThat(PersonalDataMasks.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
    assertThat(PersonalDataMasks.email("z@example.com")).isEqualTo("z***@example.com");
    assertThat(PersonalDataMasks.email("张伟@example.cn")).isEqualTo("张***@example.cn");
    assertThat(PersonalDataMasks.email("not-an-address")).isEqualTo("n***");
    assertThat(PersonalDataMasks.email(null)).isNull();
  }
}
