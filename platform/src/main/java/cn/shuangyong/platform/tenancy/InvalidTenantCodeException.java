package cn.shuangyong.platform.tenancy;

/** A string that is not a tenant code; answered with 400 by the API. */
public class InvalidTenantCodeException extends IllegalArgumentException {
  private final String rejected;

  public InvalidTenantCodeException(String rejected) {
    super("not a tenant code: " + rejected);
    this.rejected = rejected;
  }

  public String rejected() {
    return rejected;
  }
}
