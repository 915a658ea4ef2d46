package cn.shuangyong.platform.web;

import java.util.List;

/** Input that breaks a business rule: 422 with each field's message in the caller's language. */
public class ValidationException extends RuntimeException {
  /** One broken rule: the field and the message key (with arguments) of the bundle. */
  public record FieldError(String field, String messageKey, Object... arguments) {}

  private final List<FieldError> errors;

  public ValidationException(String field, String messageKey, Object... arguments) {
    this(List.of(new FieldError(field, messageKey, arguments)));
  }

  public ValidationException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.messageKey()).toList().toString());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
