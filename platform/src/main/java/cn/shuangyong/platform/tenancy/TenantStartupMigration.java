package cn.shuangyong.platform.tenancy;

import cn.shuangyong.platform.database.DatabaseBootstrap;
import cn.shuangyong.platform.database.DatabaseSettings;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates every registered tenant when the application starts, in parallel; one tenant's failure
 * is logged and recorded on that tenant and does not stop the others.
 */
@Context
public class TenantStartupMigration {
  private static final Logger LOG = LoggerFactory.getLogger(TenantStartupMigration.class);

  private final List<Tenant> failed = new ArrayList<>();
  private final int migrated;

  TenantStartupMigration(
      DatabaseBootstrap platformReady,
      TenantRepository tenants,
      TenantProvisioner provisioner,
      DatabaseSettings settings) {
    long started = System.nanoTime();
    List<Tenant> all = tenants.findAllOrderByCode();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.migrationThreads()));
    try {
      List<Tenant> submitted = new ArrayList<>();
      List<Future<Tenant>> results = new ArrayList<>();
      for (Tenant tenant : all) {
        if (tenant.status() != TenantStatus.SUSPENDED) {
          submitted.add(tenant);
          results.add(pool.submit(() -> provisioner.migrate(tenant, "system")));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        try {
          Tenant outcome = results.get(i).get();
          if (outcome.status() == TenantStatus.FAILED) {
            failed.add(outcome);
          }
        } catch (ExecutionException e) {
          // one tenant's crash (e.g. its lock could not be taken) must not stop the node
          LOG.error("tenant {} could not be migrated", submitted.get(i).code(), e.getCause());
          failed.add(submitted.get(i));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while migrating tenants", e);
    } finally {
      pool.shutdown();
    }
    migrated = all.size() - failed.size();
    LOG.info(
        "{} tenant schemas migrated, {} failed, in {} ms",
        migrated,
        failed.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  public List<String> failedTenants() {
    return failed.stream().map(Tenant::code).toList();
  }

  public int migratedTenants() {
    return migrated;
  }
}
