package cn.shuangyong.tenants.units.internal;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantScope;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the unit contact phones still stored in plain (written before encryption at rest, e.g.
 * by an earlier version's demo data), in every tenant: soon after the start and then hourly, so a
 * tenant that was still being migrated at the start is done in the next round. Idempotent and safe
 * on several nodes at once: {@link TenantJobs} runs a round on one node only, and each row is
 * replaced only while it still holds the plain value that was read (compare and set), so a second
 * node, or a round that overlaps an edit, changes nothing. Logs counts, never a number.
 */
@Singleton
public class UnitContactEncryption {
  private static final Logger LOG = LoggerFactory.getLogger(UnitContactEncryption.class);

  private final TenantJobs jobs;
  private final TenantScope scope;
  private final GarrisonUnitRepository garrisonUnits;
  private final ResponsibleUnitRepository responsibleUnits;
  private final ContactPhones phones;

  UnitContactEncryption(
      TenantJobs jobs,
      TenantScope scope,
      GarrisonUnitRepository garrisonUnits,
      ResponsibleUnitRepository responsibleUnits,
      ContactPhones phones) {
    this.jobs = jobs;
    this.scope = scope;
    this.garrisonUnits = garrisonUnits;
    this.responsibleUnits = responsibleUnits;
    this.phones = phones;
  }

  @Scheduled(fixedDelay = "1h", initialDelay = "20s")
  void soonAfterStartAndHourly() {
    if (jobs.scheduled()) {
      encryptAll();
    }
  }

  /** Encrypts what is still plain in every active tenant; answers how many phones it encrypted. */
  public int encryptAll() {
    int done =
        jobs.forEachActiveTenant("unit contact encryption", tenant -> encrypt(tenant)).done();
    if (done > 0) {
      LOG.info("personal data: {} unit contact phones encrypted at rest", done);
    }
    return done;
  }

  private int encrypt(TenantContext tenant) {
    return scope.write(
        tenant,
        () -> {
          long count = 0;
          for (GarrisonUnitRow row : garrisonUnits.findPlainContactPhones()) {
            count +=
                garrisonUnits.encryptContactPhone(
                    row.id(), row.contactPhone(), phones.encrypt(row.contactPhone()));
          }
          for (ResponsibleUnitRow row : responsibleUnits.findPlainContactPhones()) {
            count +=
                responsibleUnits.encryptContactPhone(
                    row.id(), row.contactPhone(), phones.encrypt(row.contactPhone()));
          }
          return (int) count;
        });
  }
}
