package cn.shuangyong.ui.support;

import cn.shuangyong.platform.database.DatabaseTrouble;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a view calls a service and shows what it refused, in the user's language: a {@link
 * ValidationException}'s field errors on the fields the view names (others as a notification), a
 * {@link ProblemException} (403, 404, 409, …) as a notification. A database that is away, full or
 * timed out ({@link DatabaseTrouble}) is shown as the API's 503 says it (try again shortly), with
 * one WARN line. Anything else is a failure, not a refusal: it goes on to the session's {@link
 * UiErrorHandler}, which logs it and shows a generic notice.
 *
 * <p>A problem's arguments are shown as they are, unless the bundle names a label group for them:
 * {@code problem.labels.<message key>=needs.status.} shows the argument {@code SUBMITTED} as the
 * label {@code needs.status.SUBMITTED}.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The call's result, or null when the service refused it (and the refusal was shown). */
  public static <T> @Nullable T attempt(Component view, Supplier<T> call) {
    return attempt(view, Map.of(), call);
  }

  /** As {@link #attempt(Component, Supplier)}, with field errors shown on the named fields. */
  public static <T> @Nullable T attempt(
      Component view, Map<String, ? extends HasValidation> fields, Supplier<T> call) {
    try {
      return call.get();
    } catch (ValidationException invalid) {
      invalid.errors().forEach(error -> show(view, fields.get(error.field()), error));
    } catch (ProblemException | ConstraintViolationException refused) {
      Notices.error(message(view, refused));
    }
    return null;
  }

  /**
   * What to tell the user about a call that threw, for views that collect several outcomes (a bulk
   * action, an upload). A failure that is not a refusal is logged here, once, and answered with the
   * generic message.
   */
  public static String message(Component view, RuntimeException thrown) {
    if (thrown instanceof ProblemException problem) {
      return view.getTranslation(problem.messageKey(), labelled(view, problem));
    }
    if (thrown instanceof ValidationException invalid && !invalid.errors().isEmpty()) {
      ValidationException.FieldError error = invalid.errors().get(0);
      return view.getTranslation(error.messageKey(), error.arguments());
    }
    if (thrown instanceof ValidationException || thrown instanceof ConstraintViolationException) {
      return view.getTranslation("problem.validation");
    }
    Optional<ProblemException> outage = outageIn(thrown);
    if (outage.isPresent()) {
      return view.getTranslation(outage.get().messageKey());
    }
    LOG.error("unexpected failure of a service call from {}", view.getClass().getName(), thrown);
    return view.getTranslation("problem.internal");
  }

  /**
   * The service's refusal among the throwable and its causes, or the 503 of a database outage; null
   * when it simply failed.
   */
  static @Nullable RuntimeException refusalIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (isRefusalItself(t)) {
        return (RuntimeException) t;
      }
    }
    return outageIn(thrown).orElse(null);
  }

  private static Optional<ProblemException> outageIn(Throwable thrown) {
    return DatabaseTrouble.of(thrown)
        .map(
            trouble -> {
              LOG.warn("a UI call met {}: {}", trouble.messageKey(), thrown.toString());
              return trouble.problem();
            });
  }

  private static boolean isRefusalItself(Throwable t) {
    return t instanceof ProblemException
        || t instanceof ValidationException
        || t instanceof ConstraintViolationException;
  }

  private static void show(
      Component view, @Nullable HasValidation field, ValidationException.FieldError error) {
    String message = view.getTranslation(error.messageKey(), error.arguments());
    if (field == null) {
      Notices.error(message);
    } else {
      field.setErrorMessage(message);
      field.setInvalid(true);
    }
  }

  private static Object[] labelled(Component view, ProblemException problem) {
    String groupKey = "problem.labels." + problem.messageKey();
    String group = view.getTranslation(groupKey);
    Object[] arguments = problem.arguments();
    if (group.equals(groupKey)) {
      return arguments;
    }
    return Arrays.stream(arguments)
        .map(argument -> view.getTranslation(group + argument))
        .toArray();
  }
}
