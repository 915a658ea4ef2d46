package cn.shuangyong.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** RFC 7807 problem details, with the field errors of {@code api-contract.md}. */
@Serdeable
public record Problem(
    String type, String title, int status, @Nullable String detail, List<FieldMessage> errors) {

  @Serdeable
  public record FieldMessage(String field, String message) {}

  public static final String MEDIA_TYPE = "application/problem+json";
}
