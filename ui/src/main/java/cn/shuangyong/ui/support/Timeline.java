package cn.shuangyong.ui.support;

import cn.shuangyong.platform.time.ChinaTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The timeline of a record's page (a grant's, a project's): one line per step, when (China time),
 * what (bold), who by name and unit (the login name in the tooltip), then the facts of that step,
 * each after a " · ".
 */
public final class Timeline extends VerticalLayout {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);
  private final String lineClass;

  /** An empty timeline with the element id {@code id}; each line carries {@code lineClass}. */
  public Timeline(String id, String lineClass) {
    this.lineClass = lineClass;
    setId(id);
    setPadding(false);
    setSpacing(false);
  }

  /** The time as every page of the application shows it. */
  public static String when(Instant at) {
    return WHEN.format(at);
  }

  /** A new line: when, what and who; the caller adds its facts with {@link Line#fact}. */
  public Line line(Instant at, String what, Component who) {
    Span when = new Span(when(at));
    when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Span action = new Span(what);
    action.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Div line = new Div(when, new Span(" "), action, new Span(" · "), who);
    line.addClassName(lineClass);
    add(line);
    return new Line(line);
  }

  /** One line of the timeline. */
  public static final class Line {
    private final Div line;

    private Line(Div line) {
      this.line = line;
    }

    /** Adds " · {@code text}" to the line; nothing when {@code text} is null. */
    public Line fact(@Nullable String text) {
      if (text != null) {
        line.add(new Span(" · " + text));
      }
      return this;
    }
  }
}
