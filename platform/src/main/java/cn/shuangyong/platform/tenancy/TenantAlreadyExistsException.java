package cn.shuangyong.platform.tenancy;

/** A tenant with this code exists already; answered with 409. */
public class TenantAlreadyExistsException extends RuntimeException {
  public TenantAlreadyExistsException(TenantCode code) {
    super("tenant exists: " + code);
  }
}
