package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Level;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.NeedRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Sample needs for demo data, placed straight at a status of the workflow (marked sample, each with
 * its submission in the history). Bootstrap only: no permission is checked.
 */
@Singleton
public class NeedSamples {
  private final TenantScope scope;
  private final NeedRepository needs;
  private final Clock clock;

  NeedSamples(TenantScope scope, NeedRepository needs, Clock clock) {
    this.scope = scope;
    this.needs = needs;
    this.clock = clock;
  }

  /** A sample need of this year; {@code category} is a category's name. */
  public record Sample(
      Direction direction,
      String title,
      String description,
      String category,
      long garrisonUnitId,
      Status status,
      @Nullable Long responsibleUnitId,
      @Nullable LocalDate deadline,
      @Nullable Level level,
      int percent,
      @Nullable Satisfaction satisfaction) {}

  /** Adds the samples as written by {@code actor}. */
  public void add(TenantContext tenant, String actor, List<Sample> samples) {
    int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
    scope.write(
        tenant,
        () -> {
          for (Sample sample : samples) {
            Status status = sample.status();
            boolean finished = status == Status.CLOSED || status == Status.COMPLETED;
            needs.addSample(
                year,
                sample.direction(),
                sample.title(),
                sample.description(),
                sample.garrisonUnitId(),
                status,
                sample.responsibleUnitId(),
                sample.deadline(),
                sample.level(),
                sample.percent(),
                sample.satisfaction(),
                status != Status.SUBMITTED,
                finished,
                status == Status.CLOSED,
                actor,
                sample.category());
          }
          needs.addSampleSubmissions();
          return null;
        });
  }
}
