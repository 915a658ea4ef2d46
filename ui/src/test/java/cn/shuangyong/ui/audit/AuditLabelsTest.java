package cn.shuangyong.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLabelsTest {

  /** A component whose translations come from a map (a missing key answers the key, as ours). */
  private static final class Translated extends Span {
    private final Map<String, String> words;

    Translated(Map<String, String> words) {
      this.words = words;
    }

    @Override
    public String getTranslation(String key, Object... params) {
      return words.getOrDefault(key, key);
    }

    @Override
    public String getTranslation(Locale locale, String key, Object... params) {
      return getTranslation(key, params);
    }
  }

  private final Translated chinese =
      new Translated(
          Map.of(
              "audit.action.LOGIN_FAILED", "登录失败",
              "audit.result.SUCCESS", "成功",
              "audit.ip.loopback", "本机"));

  @Test
  void theIpv6LoopbackIsThisMachine() {
    assertThat(AuditLabels.normalisedIp("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
    assertThat(AuditLabels.normalisedIp("::1")).isEqualTo("127.0.0.1");
    assertThat(AuditLabels.normalisedIp("[::1]")).isEqualTo("127.0.0.1");
    assertThat(AuditLabels.normalisedIp("0:0:0:0:0:0:0:1%0")).isEqualTo("127.0.0.1");
    assertThat(AuditLabels.ip(chinese, "0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1 (本机)");
    assertThat(AuditLabels.ip(chinese, "127.0.0.1")).isEqualTo("127.0.0.1 (本机)");
  }

  @Test
  void anIpv4MappedAddressIsItsIpv4Address() {
    assertThat(AuditLabels.normalisedIp("::ffff:10.0.0.5")).isEqualTo("10.0.0.5");
    assertThat(AuditLabels.normalisedIp("0:0:0:0:0:ffff:a00:5")).isEqualTo("10.0.0.5");
    assertThat(AuditLabels.normalisedIp("::FFFF:192.168.1.20")).isEqualTo("192.168.1.20");
    assertThat(AuditLabels.ip(chinese, "::ffff:127.0.0.1")).isEqualTo("127.0.0.1 (本机)");
  }

  @Test
  void otherAddressesAreShortenedOrKept() {
    assertThat(AuditLabels.normalisedIp("2001:0DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(AuditLabels.normalisedIp("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(AuditLabels.normalisedIp("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(AuditLabels.normalisedIp("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
    assertThat(AuditLabels.normalisedIp("10.0.0.5")).isEqualTo("10.0.0.5");
    assertThat(AuditLabels.ip(chinese, "10.0.0.5")).isEqualTo("10.0.0.5");
    assertThat(AuditLabels.normalisedIp("unknown")).isEqualTo("unknown");
    assertThat(AuditLabels.normalisedIp("1:2:3")).isEqualTo("1:2:3");
    assertThat(AuditLabels.normalisedIp(null)).isEmpty();
  }

  @Test
  void actionsAndResultsAreWordsAndAnUnknownCodeShowsItself() {
    assertThat(AuditLabels.action(chinese, "LOGIN_FAILED")).isEqualTo("登录失败");
    assertThat(AuditLabels.action(chinese, "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    assertThat(AuditLabels.result(chinese, "SUCCESS")).isEqualTo("成功");
    assertThat(AuditLabels.result(chinese, null)).isEmpty();
  }

  /** The action filter's list: every code the bundles name, sorted, each in both languages. */
  @Test
  void theActionFilterOffersEveryNamedActionInWords() throws java.io.IOException {
    java.util.List<String> actions = AuditLabels.actions();
    assertThat(actions)
        .contains("LOGIN", "LOGIN_FAILED", "NEED_SUBMIT", "NEED_ATTACHMENT_ADD", "TENANT_CREATE")
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[A-Z][A-Z0-9_]*"));
    java.util.Properties chineseBundle = bundle("/i18n/ui.properties");
    java.util.Properties englishBundle = bundle("/i18n/ui_en.properties");
    for (String code : actions) {
      assertThat(chineseBundle.getProperty("audit.action." + code))
          .as(code)
          .isNotBlank()
          .isNotEqualTo(code);
      assertThat(englishBundle.getProperty("audit.action." + code)).as(code).isNotBlank();
    }
    assertThat(AuditLabels.action(chinese, "LOGIN_FAILED")).isEqualTo("登录失败");
  }

  /** Each step a project or a grant records is audited as PROJECT_… or GRANT_…: each is named. */
  @Test
  void everyRecordedStepOfAProjectOrAGrantIsNamedInBothLanguages() throws java.io.IOException {
    java.util.List<String> codes = new java.util.ArrayList<>();
    for (var action : cn.shuangyong.tenants.projects.api.ProjectTypes.Action.values()) {
      codes.add("PROJECT_" + action.name());
    }
    for (var action : cn.shuangyong.tenants.fund.api.FundTypes.Action.values()) {
      if (action != cn.shuangyong.tenants.fund.api.FundTypes.Action.RECORD_INFLOW
          && action != cn.shuangyong.tenants.fund.api.FundTypes.Action.SET_CAPS) {
        codes.add("GRANT_" + action.name());
      }
    }
    codes.addAll(java.util.List.of("FUND_INFLOW_RECORD", "FUND_CAPS_SET", "EXPENDITURE_IMPORT"));
    java.util.Properties chineseBundle = bundle("/i18n/ui.properties");
    java.util.Properties englishBundle = bundle("/i18n/ui_en.properties");
    for (String code : codes) {
      assertThat(chineseBundle.getProperty("audit.action." + code)).as(code).isNotBlank();
      assertThat(englishBundle.getProperty("audit.action." + code)).as(code).isNotBlank();
    }
  }

  private static java.util.Properties bundle(String path) throws java.io.IOException {
    java.util.Properties properties = new java.util.Properties();
    try (var in =
        new java.io.InputStreamReader(
            AuditLabelsTest.class.getResourceAsStream(path),
            java.nio.charset.StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
