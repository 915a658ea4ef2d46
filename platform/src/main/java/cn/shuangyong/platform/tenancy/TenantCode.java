package cn.shuangyong.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import java.util.regex.Pattern;

/** A tenant's code, the pinyin of its city or county ({@code pinghu}); validated on creation. */
@Serdeable
public record TenantCode(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{1,30}");

  public TenantCode {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidTenantCodeException(value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /** The tenant's own schema. */
  public String schema() {
    return "t_" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
