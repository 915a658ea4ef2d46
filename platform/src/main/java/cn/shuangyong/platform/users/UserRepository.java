package cn.shuangyong.platform.users;

import cn.shuangyong.platform.database.PlatformDataSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Runs on the platform pool (the least-privileged platform login role, never the owner). */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = PlatformDataSource.NAME)
interface UserRepository extends CrudRepository<UserAccount, Long> {

  @Query("select * from app_user where lower(username) = lower(:username)")
  Optional<UserAccount> findByUsernameIgnoreCase(String username);

  @Query("select role from role_assignment where user_id = :userId order by role")
  List<String> findRoles(long userId);

  @Query(
      "insert into role_assignment (user_id, role) values (:userId, :role) on conflict do nothing")
  void assignRole(long userId, String role);

  @Query(
      """
      update app_user set failed_attempts = :failedAttempts, locked_until = :lockedUntil
      where id = :id""")
  void recordFailures(long id, int failedAttempts, @Nullable Instant lockedUntil);

  List<UserAccount> findByTenantCodeOrderByUsername(String tenantCode);

  List<UserAccount> findByUsernameIn(Collection<String> usernames);

  long countByTenantCodeAndGarrisonUnitId(String tenantCode, Long garrisonUnitId);

  long countByTenantCodeAndResponsibleUnitId(String tenantCode, Long responsibleUnitId);
}
