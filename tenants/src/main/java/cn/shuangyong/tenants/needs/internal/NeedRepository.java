package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Submissions and the workflow's changes of {@code need}, one fixed statement each; works only
 * inside a TenantScope transaction. Reads of needs are {@link NeedStore}'s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NeedRepository extends GenericRepository<NeedRow, Long> {
  NeedRow save(NeedRow need);

  /** Locks the need's row for the rest of the transaction (a transition reads, then writes). */
  @Query("select id from need where id = :id for update")
  Optional<Long> lock(long id);

  @Query("select exists (select 1 from garrison_unit where id = :id)")
  boolean garrisonUnitExists(long id);

  @Query("select exists (select 1 from responsible_unit where id = :id)")
  boolean responsibleUnitExists(long id);

  /** 受理 of a FOR_TROOPS need: the responsible unit does the work. */
  @Query(
      "update need set responsible_unit_id = :unitId, deadline = :deadline, level = :level,"
          + " accepted_at = :at where id = :id")
  void acceptForTroops(long id, long unitId, LocalDate deadline, @Nullable Level level, Instant at);

  /** 受理 of a FOR_CIVILIANS need: the garrison unit does the work. */
  @Query(
      "update need set garrison_unit_id = :unitId, deadline = :deadline, level = :level,"
          + " accepted_at = :at where id = :id")
  void acceptForCivilians(
      long id, long unitId, LocalDate deadline, @Nullable Level level, Instant at);

  @Query("update need set rejection_reason = :reason where id = :id")
  void reject(long id, String reason);

  @Query("update need set percent = :percent where id = :id")
  void progress(long id, int percent);

  @Query("update need set percent = 100, completed_at = :at where id = :id")
  void complete(long id, Instant at);

  /** 销号: closed when satisfied, else back to work (the completion forgotten). */
  @Query(
      "update need set satisfaction = :satisfaction, satisfaction_comment = :comment,"
          + " closed_at = :closedAt, completed_at = case when :satisfied then completed_at end"
          + " where id = :id")
  void confirm(
      long id,
      Satisfaction satisfaction,
      @Nullable String comment,
      @Nullable Instant closedAt,
      boolean satisfied);

  @Query("update need set supervision_count = supervision_count + 1 where id = :id")
  void supervise(long id);

  @Query(
      "update need set status = :status, updated_at = :at, updated_by = :actor,"
          + " version = version + 1 where id = :id")
  void moveTo(long id, Status status, Instant at, String actor);

  /** Marks needs as sample data (the demo's, made through the workflow like any other). */
  @Query("update need set sample = true where id = any(:ids)")
  void markSample(long[] ids);
}
