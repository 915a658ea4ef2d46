package cn.shuangyong.platform.web;

import cn.shuangyong.platform.tenancy.InvalidTenantCodeException;
import cn.shuangyong.platform.tenancy.TenantAlreadyExistsException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;

/** Every error of the API as RFC 7807 problem JSON, in the caller's language. */
final class ProblemHandlers {
  private ProblemHandlers() {}

  @Produces
  @Singleton
  static class ProblemExceptionHandler
      implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final ProblemResponses problems;

    ProblemExceptionHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
      MutableHttpResponse<Problem> response =
          problems.of(request, e.status(), e.messageKey(), e.arguments());
      e.retryAfter()
          .ifPresent(
              wait ->
                  response.header(
                      HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
      return response;
    }
  }

  @Produces
  @Singleton
  static class ValidationExceptionHandler
      implements ExceptionHandler<ValidationException, HttpResponse<?>> {
    private final ProblemResponses problems;

    ValidationExceptionHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ValidationException e) {
      return problems.validation(
          request,
          e.isMalformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY,
          e.errors());
    }
  }

  /** Bean validation of request bodies and parameters: 400 with one message per field. */
  @Produces
  @Singleton
  @Replaces(ConstraintExceptionHandler.class)
  static class ConstraintViolationHandler
      implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ProblemResponses problems;

    ConstraintViolationHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
      List<ValidationException.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new ValidationException.FieldError(field(v), messageKey(v), limits(v)))
              .sorted(java.util.Comparator.comparing(ValidationException.FieldError::field))
              .toList();
      return problems.validation(request, HttpStatus.BAD_REQUEST, errors);
    }

    private static String field(ConstraintViolation<?> violation) {
      String last = null;
      for (Path.Node node : violation.getPropertyPath()) {
        last = node.getName();
      }
      return last == null ? "" : last;
    }

    /** "validation.NotBlank" etc.: our bundles hold one message per constraint. */
    private static String messageKey(ConstraintViolation<?> violation) {
      return "validation."
          + violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static Object[] limits(ConstraintViolation<?> violation) {
      var attributes = violation.getConstraintDescriptor().getAttributes();
      return new Object[] {
        attributes.getOrDefault("min", attributes.getOrDefault("value", "")),
        attributes.getOrDefault("max", "")
      };
    }
  }

  /** Unreadable input (malformed JSON, a word where a number belongs, an unknown enum): 400. */
  @Produces
  @Singleton
  @Replaces(ConversionErrorHandler.class)
  static class ConversionProblemHandler
      implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    private final ProblemResponses problems;

    ConversionProblemHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
      // a field refused while the body was read (InputGuards) names itself
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ValidationException refused) {
          return problems.validation(request, HttpStatus.BAD_REQUEST, refused.errors());
        }
      }
      return problems.validation(
          request,
          HttpStatus.BAD_REQUEST,
          List.of(
              new ValidationException.FieldError(
                  e.getArgument().getName(), "validation.unreadable")));
    }
  }

  @Produces
  @Singleton
  static class InvalidTenantCodeHandler
      implements ExceptionHandler<InvalidTenantCodeException, HttpResponse<?>> {
    private final ProblemResponses problems;

    InvalidTenantCodeHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidTenantCodeException e) {
      return problems.validation(
          request,
          HttpStatus.BAD_REQUEST,
          List.of(new ValidationException.FieldError("code", "tenant.code.invalid")));
    }
  }

  @Produces
  @Singleton
  static class TenantExistsHandler
      implements ExceptionHandler<TenantAlreadyExistsException, HttpResponse<?>> {
    private final ProblemResponses problems;

    TenantExistsHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, TenantAlreadyExistsException e) {
      return problems.of(request, HttpStatus.CONFLICT, "tenant.code.exists");
    }
  }

  @Produces
  @Singleton
  static class OptimisticLockHandler
      implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
    private final ProblemResponses problems;

    OptimisticLockHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OptimisticLockException e) {
      return problems.of(request, HttpStatus.CONFLICT, "problem.stale");
    }
  }

  /** 401 without (or with a bad) token, 403 for a role that may not: as problems, no redirect. */
  @Produces
  @Singleton
  @Replaces(DefaultAuthorizationExceptionHandler.class)
  static class AuthorizationProblemHandler
      implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
    private final ProblemResponses problems;

    AuthorizationProblemHandler(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
      return e.isForbidden()
          ? problems.of(request, HttpStatus.FORBIDDEN, "problem.forbidden")
          : problems.of(request, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }
  }
}
