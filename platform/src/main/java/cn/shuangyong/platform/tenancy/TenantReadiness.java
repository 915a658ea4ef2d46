package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.web.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which tenants this node may serve now. A tenant whose schema this node has still to bring to the
 * newest version (it waits its turn, is being migrated, or is retried after this node's own
 * trouble) is not ready here, whatever the shared registry says: requests for it are answered 503
 * with {@code Retry-After} and the tenant jobs skip it, while every other tenant is served. The
 * state is this node's alone and never written to the registry, so one node's trouble does not take
 * a tenant offline for the others.
 */
@Singleton
public class TenantReadiness {
  /** Why a tenant is not ready on this node. */
  public enum Reason {
    /** Behind the newest schema version: waiting its turn or being migrated. */
    MIGRATING,
    /** This node could not migrate it (connections, timeouts, slots) and retries later. */
    RETRYING
  }

  /** A tenant this node does not serve yet, and since when or until when. */
  public record NotReady(
      String code,
      Reason reason,
      int attempts,
      @Nullable String cause,
      @Nullable Instant nextAttempt) {}

  private final ConcurrentMap<String, NotReady> notReady = new ConcurrentHashMap<>();
  private final TenantSchemaStream stream;
  private final Provider<TenantStartupMigration> migrations;
  private final Duration retryAfter;

  TenantReadiness(
      TenantSchemaStream stream,
      Provider<TenantStartupMigration> migrations,
      @Value("${shuangyong.tenancy.migrating-retry-after:5s}") Duration retryAfter) {
    this.stream = stream;
    this.migrations = migrations;
    this.retryAfter = retryAfter;
  }

  /**
   * Refuses with 503 and {@code Retry-After} while this node has not brought the tenant's schema to
   * the newest version. An active tenant that this node has not met yet (provisioned meanwhile by a
   * node of an older build) but whose recorded version is behind is handed to the background
   * migration here.
   */
  public void requireReady(Tenant tenant) {
    if (!isReady(tenant)) {
      throw ProblemException.unavailable(retryAfter, "tenant.migrating", tenant.name());
    }
  }

  /** Whether this node serves the tenant now (the tenant jobs skip it otherwise). */
  public boolean isReady(Tenant tenant) {
    if (notReady.containsKey(tenant.code())) {
      return false;
    }
    if (stream.isCurrent(tenant.schemaVersion())) {
      return true;
    }
    if (notReady.putIfAbsent(tenant.code(), migrating(tenant.code())) == null) {
      migrations.get().catchUp(tenant);
    }
    return false;
  }

  /** The tenants this node does not serve now, by code. */
  public Map<String, NotReady> notReady() {
    return new TreeMap<>(notReady);
  }

  void migrating(Tenant tenant) {
    notReady.put(tenant.code(), migrating(tenant.code()));
  }

  void retrying(Tenant tenant, int attempts, String cause, Instant nextAttempt) {
    notReady.put(
        tenant.code(), new NotReady(tenant.code(), Reason.RETRYING, attempts, cause, nextAttempt));
  }

  /**
   * This node is done with the tenant: migrated, or its schema failed (the registry says FAILED
   * then, for every node).
   */
  void settled(String code) {
    notReady.remove(code);
  }

  private static NotReady migrating(String code) {
    return new NotReady(code, Reason.MIGRATING, 0, null, null);
  }
}
