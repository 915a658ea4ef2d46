package cn.shuangyong.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Input no field may carry, refused where the API reads it, once for every endpoint: a NUL
 * character (U+0000, which PostgreSQL cannot store in text) in any JSON string or query parameter,
 * and a JSON date outside {@link PlausibleDates}. Each is a 400 naming the field, in the caller's
 * language, before a controller or service sees it.
 */
public final class InputGuards {
  static final String NUL_MESSAGE = "validation.nul";

  private InputGuards() {}

  public static boolean containsNul(@Nullable CharSequence text) {
    if (text != null) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\0') {
          return true;
        }
      }
    }
    return false;
  }

  /** Every JSON string of a request body (and of anything else read as JSON). */
  @Singleton
  @Primary
  static class Strings implements Deserializer<String> {
    @Override
    public String deserialize(
        Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
      String value = decoder.decodeString();
      if (containsNul(value)) {
        throw ValidationException.malformed(type.getName(), NUL_MESSAGE);
      }
      return value;
    }
  }

  /** Every JSON date ({@code yyyy-MM-dd}): unreadable or outside the window is a 400. */
  @Singleton
  @Primary
  static class Dates implements Deserializer<LocalDate> {
    @Override
    public LocalDate deserialize(
        Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
        throws IOException {
      String text = decoder.decodeString();
      LocalDate date;
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw ValidationException.malformed(type.getName(), "validation.date");
      }
      return PlausibleDates.check(type.getName(), date);
    }
  }

  /** Query parameters (names and values) of every API call. */
  @ServerFilter("/api/**")
  static class QueryParameters {
    private final ProblemResponses problems;

    QueryParameters(ProblemResponses problems) {
      this.problems = problems;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseNul(HttpRequest<?> request) {
      for (var parameter : request.getParameters()) {
        if (containsNul(parameter.getKey())
            || parameter.getValue().stream().anyMatch(InputGuards::containsNul)) {
          String field = parameter.getKey().replace("\0", "");
          return problems.validation(
              request,
              HttpStatus.BAD_REQUEST,
              List.of(new ValidationException.FieldError(field, NUL_MESSAGE)));
        }
      }
      return null;
    }
  }
}
