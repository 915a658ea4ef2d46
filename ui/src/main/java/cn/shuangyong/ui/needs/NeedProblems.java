package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.ui.support.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a service call and shows what the service refused: field errors on the named fields (else a
 * notification), 403/404/409 as notifications, all translated through the bundles.
 */
final class NeedProblems {
  private NeedProblems() {}

  /** The call's result, or null when it was refused (and the refusal shown). */
  static <T> T attempt(
      Component view, Map<String, ? extends HasValidation> fields, Supplier<T> call) {
    try {
      return call.get();
    } catch (ValidationException invalid) {
      invalid
          .errors()
          .forEach(
              error -> {
                String message = view.getTranslation(error.messageKey(), error.arguments());
                HasValidation field = fields.get(error.field());
                if (field != null) {
                  field.setErrorMessage(message);
                  field.setInvalid(true);
                } else {
                  Notices.error(message);
                }
              });
    } catch (ProblemException problem) {
      Notices.error(message(view, problem));
    } catch (ConstraintViolationException violation) {
      Notices.error(view.getTranslation("problem.validation"));
    }
    return null;
  }

  static String message(Component view, RuntimeException refusal) {
    if (refusal instanceof ProblemException problem) {
      Object[] arguments = problem.arguments();
      if ("need.status.conflict".equals(problem.messageKey()) && arguments.length == 1) {
        arguments = new Object[] {view.getTranslation("needs.status." + arguments[0])};
      }
      return view.getTranslation(problem.messageKey(), arguments);
    }
    if (refusal instanceof ValidationException invalid && !invalid.errors().isEmpty()) {
      ValidationException.FieldError error = invalid.errors().get(0);
      return view.getTranslation(error.messageKey(), error.arguments());
    }
    return view.getTranslation("problem.validation");
  }
}
