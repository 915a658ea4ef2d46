package cn.shuangyong.tenants.notifications.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.notifications.api.Audience;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** An audience's latest notifications as one reader sees them; inside a TenantScope transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NotificationListings extends GenericRepository<NotificationListingRow, Long> {
  String SELECT =
      "select n.id, n.kind, n.subject_type, n.subject_id, n.message, n.created_at, r.read_at is not null as read,"
          + " n.arguments from notification n left join notification_read r"
          + " on r.notification_id = n.id and r.username = :username"
          + " where n.audience = :audience and n.audience_id is not distinct from :audienceId";

  @Query(SELECT + " order by n.id desc limit :limit")
  List<NotificationListingRow> latest(
      String username, Audience.Kind audience, @Nullable Long audienceId, int limit);

  @Query(SELECT + " and r.read_at is null order by n.id desc limit :limit")
  List<NotificationListingRow> latestUnread(
      String username, Audience.Kind audience, @Nullable Long audienceId, int limit);
}
