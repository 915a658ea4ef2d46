package cn.shuangyong.tenants.notifications.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.notifications.api.Audience;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * Writing notifications and marking them read or mailed; works only inside a TenantScope
 * transaction. An audience is a kind and, for a unit, its id ({@code is not distinct from}: the
 * office has none).
 */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NotificationRepository extends GenericRepository<NotificationRow, Long> {
  /** Adds a notification; one with the {@code dedupKey} of an existing one is left out. */
  @Query(
      "insert into notification (audience, audience_id, kind, subject_type, subject_id, message,"
          + " arguments, dedup_key, created_at) values (:audience, :audienceId, :kind,"
          + " :subjectType, :subjectId, :message,"
          + " :arguments, :dedupKey, :createdAt) on conflict (dedup_key) do nothing")
  void add(
      Audience.Kind audience,
      @Nullable Long audienceId,
      String kind,
      @Nullable String subjectType,
      @Nullable Long subjectId,
      String message,
      String[] arguments,
      @Nullable String dedupKey,
      Instant createdAt);

  @Query(
      "select count(*) from notification n where n.audience = :audience"
          + " and n.audience_id is not distinct from :audienceId and not exists (select 1 from"
          + " notification_read r where r.notification_id = n.id and r.username = :username)")
  long unreadCount(Audience.Kind audience, @Nullable Long audienceId, String username);

  @Query(
      "select exists (select 1 from notification where id = :id and audience = :audience"
          + " and audience_id is not distinct from :audienceId)")
  boolean isFor(long id, Audience.Kind audience, @Nullable Long audienceId);

  @Query(
      "insert into notification_read (notification_id, username, read_at)"
          + " values (:id, :username, :at) on conflict do nothing")
  void markRead(long id, String username, Instant at);

  /** How many notifications of the audience were marked read for the user just now. */
  @Query(
      "insert into notification_read (notification_id, username, read_at)"
          + " select id, :username, :at from notification where audience = :audience"
          + " and audience_id is not distinct from :audienceId on conflict do nothing")
  int markAllRead(String username, Instant at, Audience.Kind audience, @Nullable Long audienceId);

  /** Notifications not mailed yet, oldest first, locked so that other nodes skip them. */
  @Query(
      "select * from notification where mailed_at is null order by id limit :limit"
          + " for update skip locked")
  List<NotificationRow> lockUnmailed(int limit);

  @Query("update notification set mailed_at = :at where id = :id")
  void markMailed(long id, Instant at);
}
