package cn.shuangyong.platform.tenancy;

import java.sql.SQLException;

/** A failed SQL statement inside a tenant transaction. */
public class TenantDataAccessException extends RuntimeException {
  public TenantDataAccessException(TenantContext tenant, SQLException cause) {
    super("database error in " + tenant + ": " + cause.getMessage(), cause);
  }
}
