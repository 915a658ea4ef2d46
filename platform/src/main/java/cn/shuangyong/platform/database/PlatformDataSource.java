package cn.shuangyong.platform.database;

/**
 * The data source of platform-schema work at run time, configured as {@code datasources.platform}:
 * it logs in as the platform login role ({@code shuangyong.db.platform-user}), which owns nothing
 * and holds only the grants {@link DatabaseBootstrap} gives it (on the audit trail: insert and
 * select). Repositories name it ({@code @JdbcRepository(dataSource = PlatformDataSource.NAME)}),
 * raw SQL takes its {@code @Named(PlatformDataSource.NAME) TransactionOperations<Connection>}. The
 * owner ({@code datasources.default}) serves bootstrap, migrations and provisioning only.
 */
public final class PlatformDataSource {
  public static final String NAME = "platform";

  private PlatformDataSource() {}
}
