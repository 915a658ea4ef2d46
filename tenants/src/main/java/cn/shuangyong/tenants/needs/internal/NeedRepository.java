package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
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

  /**
   * A sample need (demo data) already at {@code status}, its category by name; the workflow's times
   * are now when its status has passed them.
   */
  @Query(
      "insert into need (year, direction, title, description, category_id, garrison_unit_id,"
          + " source, status, responsible_unit_id, deadline, level, percent, satisfaction, sample,"
          + " accepted_at, completed_at, closed_at, created_at, created_by, updated_at, updated_by)"
          + " select :year, :direction, :title, :description, id, :garrisonUnitId, 'COLLECTED',"
          + " :status, :responsibleUnitId, :deadline, :level, :percent, :satisfaction, true,"
          + " case when :accepted then now() end, case when :completed then now() end,"
          + " case when :closed then now() end, now(), :actor, now(), :actor"
          + " from need_category where name = :category")
  void addSample(
      int year,
      Direction direction,
      String title,
      String description,
      long garrisonUnitId,
      Status status,
      @Nullable Long responsibleUnitId,
      @Nullable LocalDate deadline,
      @Nullable Level level,
      int percent,
      @Nullable Satisfaction satisfaction,
      boolean accepted,
      boolean completed,
      boolean closed,
      String actor,
      String category);

  /** The submission of every sample need that has no history yet. */
  @Query(
      "insert into need_event (need_id, at, actor, action, from_status, to_status, note)"
          + " select id, created_at, created_by, 'SUBMIT', null, 'SUBMITTED', '示例数据' from need n"
          + " where sample and not exists (select 1 from need_event e where e.need_id = n.id)")
  void addSampleSubmissions();
}
