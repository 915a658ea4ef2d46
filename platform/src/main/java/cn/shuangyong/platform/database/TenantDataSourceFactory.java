package cn.shuangyong.platform.database;

/**
 * The data source every tenant transaction runs on, configured as {@code datasources.tenant}: it
 * logs in as the NOINHERIT application role ({@code shuangyong.db.app-user}), which can reach no
 * tenant schema until {@code SET LOCAL ROLE} (see {@code TenantScope}).
 */
public final class TenantDataSourceFactory {
  public static final String TENANT_DATA_SOURCE = "tenant";

  private TenantDataSourceFactory() {}
}
