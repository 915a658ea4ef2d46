package cn.shuangyong.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.users.Person;
import com.vaadin.flow.component.html.Span;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonLabelsTest {
  private static final Map<String, String> CHINESE =
      Map.of("person.system", "系统", "person.with-unit", "{0}（{1}）");

  /** A component with the Chinese bundle's two keys (a missing key answers the key, as ours). */
  private static final class Chinese extends Span {
    @Override
    public String getTranslation(String key, Object... params) {
      String pattern = CHINESE.getOrDefault(key, key);
      return params.length == 0 ? pattern : MessageFormat.format(pattern, params);
    }

    @Override
    public String getTranslation(Locale locale, String key, Object... params) {
      return getTranslation(key, params);
    }
  }

  private final Chinese chinese = new Chinese();

  @Test
  void aPersonIsItsDisplayNameWithItsUnit() {
    assertThat(
            PersonLabels.of(chinese, new Person("wang.fang", "王芳", "平湖市交通运输局", false), "wang.fang"))
        .isEqualTo("王芳（平湖市交通运输局）");
    assertThat(
            PersonLabels.of(
                chinese, new Person("pinghu.staff", "平湖市双拥办工作人员", null, false), "pinghu.staff"))
        .isEqualTo("平湖市双拥办工作人员");
  }

  @Test
  void jobsAndTheDemoLoaderAreTheSystem() {
    assertThat(PersonLabels.of(chinese, Person.unknown("demo"), "demo")).isEqualTo("系统");
    assertThat(PersonLabels.of(chinese, null, "system:reminders")).isEqualTo("系统");
  }

  @Test
  void aNameNoAccountHasShowsItself() {
    assertThat(PersonLabels.of(chinese, Person.unknown("gone.user"), "gone.user"))
        .isEqualTo("gone.user");
    assertThat(PersonLabels.span(chinese, null, "gone.user").getElement().getAttribute("title"))
        .isEqualTo("gone.user");
  }
}
