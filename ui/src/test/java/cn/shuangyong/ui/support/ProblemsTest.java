package cn.shuangyong.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A view's service call: refusals shown in the user's language, failures logged once. */
class ProblemsTest {
  private final Messages messages = new Messages();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  /** A view that translates with the real bundles, as the UI's I18NProvider does. */
  private final Div view =
      new Div() {
        @Override
        public String getTranslation(String key, Object... params) {
          return messages.get(Messages.CHINESE, key, params);
        }
      };

  @BeforeEach
  void captureLogs() {
    log.start();
    for (Class<?> source : List.of(Problems.class, UiErrorHandler.class)) {
      ((Logger) LoggerFactory.getLogger(source)).addAppender(log);
    }
  }

  @AfterEach
  void releaseLogs() {
    for (Class<?> source : List.of(Problems.class, UiErrorHandler.class)) {
      ((Logger) LoggerFactory.getLogger(source)).detachAppender(log);
    }
  }

  @Test
  void aFieldErrorIsShownOnItsField() {
    TextField title = new TextField();
    String result =
        Problems.attempt(
            view,
            Map.of("title", title),
            () -> {
              throw new ValidationException("title", "validation.NotBlank");
            });
    assertThat(result).isNull();
    assertThat(title.isInvalid()).isTrue();
    assertThat(title.getErrorMessage())
        .isEqualTo(messages.get(Messages.CHINESE, "validation.NotBlank"));
    assertThat(Problems.attempt(view, () -> "done")).isEqualTo("done");
  }

  @Test
  void aRefusalIsTranslatedWithTheLabelsOfItsArguments() {
    ProblemException conflict = ProblemException.conflict("need.status.conflict", "SUBMITTED");
    assertThat(Problems.message(view, conflict)).contains("已提交").doesNotContain("SUBMITTED");
    assertThat(Problems.message(view, ProblemException.notFound()))
        .isEqualTo(messages.get(Messages.CHINESE, "problem.not-found"));
    assertThat(log.list).isEmpty();
  }

  @Test
  void aFailureIsLoggedOnceAndAnsweredGenerically() {
    String shown = Problems.message(view, new IllegalStateException("bug"));
    assertThat(shown).isEqualTo(messages.get(Messages.CHINESE, "problem.internal"));
    assertThat(log.list).singleElement().satisfies(event -> assertLoggedError(event, "bug"));
  }

  @Test
  void theSessionHandlerLogsFailuresNotRefusalsNorDisconnects() {
    UiErrorHandler.HANDLER.error(new ErrorEvent(new IllegalStateException("boom")));
    assertThat(log.list).singleElement().satisfies(event -> assertLoggedError(event, "boom"));
    log.list.clear();
    UiErrorHandler.HANDLER.error(
        new ErrorEvent(new RuntimeException(ProblemException.forbidden())));
    UiErrorHandler.HANDLER.error(
        new ErrorEvent(new RuntimeException(new SocketException("reset"))));
    assertThat(log.list).noneMatch(event -> event.getLevel() == Level.ERROR);
  }

  @Test
  void aDatabaseOutageIsShownAsTryAgainShortlyWithoutAnError() {
    RuntimeException outage =
        new io.micronaut.data.exceptions.DataAccessException(
            "repository failed", new java.sql.SQLException("Connection refused", "08001"));
    assertThat(Problems.message(view, outage))
        .isEqualTo(messages.get(Messages.CHINESE, "problem.database.unreachable"));
    UiErrorHandler.HANDLER.error(new ErrorEvent(new RuntimeException(outage)));
    assertThat(log.list).isNotEmpty().noneMatch(event -> event.getLevel() == Level.ERROR);
  }

  private static void assertLoggedError(ILoggingEvent event, String message) {
    assertThat(event.getLevel()).isEqualTo(Level.ERROR);
    assertThat(event.getThrowableProxy().getMessage()).isEqualTo(message);
  }
}
