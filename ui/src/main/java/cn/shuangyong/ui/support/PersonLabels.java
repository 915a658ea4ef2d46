package cn.shuangyong.ui.support;

import cn.shuangyong.platform.users.Person;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.micronaut.core.annotation.Nullable;

/**
 * A person as the screens show it: 王芳（平湖市交通运输局）, or 系统 / System for the platform's own actors, with
 * the login name as the tooltip for the office that looks accounts up by it.
 */
public final class PersonLabels {
  private PersonLabels() {}

  /** The words for {@code person}; {@code username} when nothing better is known. */
  public static String of(Component component, @Nullable Person person, String username) {
    if (person == null) {
      return Person.isSystemActor(username) ? component.getTranslation("person.system") : username;
    }
    if (person.system()) {
      return component.getTranslation("person.system");
    }
    if (person.displayName() == null) {
      return person.username();
    }
    return person.unit() == null
        ? person.displayName()
        : component.getTranslation("person.with-unit", person.displayName(), person.unit());
  }

  /** The words in a span whose tooltip (title) is the login name. */
  public static Span span(Component component, @Nullable Person person, String username) {
    Span span = new Span(of(component, person, username));
    span.getElement().setAttribute("title", username);
    span.addClassName("person");
    return span;
  }
}
