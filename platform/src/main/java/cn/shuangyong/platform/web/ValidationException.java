package cn.shuangyong.platform.web;

import java.util.List;

/** Input that breaks a business rule: 422 with each field's message in the caller's language. */
public class ValidationException extends RuntimeException {
  /** One broken rule: the field and the message key (with arguments) of the bundle. */
  public record FieldError(String field, String messageKey, Object... arguments) {}

  private final List<FieldError> errors;
  private final boolean malformed;

  public ValidationException(String field, String messageKey, Object... arguments) {
    this(List.of(new FieldError(field, messageKey, arguments)), false);
  }

  public ValidationException(List<FieldError> errors) {
    this(errors, false);
  }

  private ValidationException(List<FieldError> errors, boolean malformed) {
    super(errors.stream().map(e -> e.field() + ": " + e.messageKey()).toList().toString());
    this.errors = List.copyOf(errors);
    this.malformed = malformed;
  }

  /** A request that is malformed rather than against a business rule: answered with 400. */
  public static ValidationException malformed(
      String field, String messageKey, Object... arguments) {
    return new ValidationException(List.of(new FieldError(field, messageKey, arguments)), true);
  }

  public boolean isMalformed() {
    return malformed;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
