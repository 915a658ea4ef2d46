package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.tenants.projects.api.ProjectTypes.FundingSource;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Status;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The yearly 军地互办实事 report: every project of the year the caller may see (by planned start), and
 * the totals per status and per funding source (every status and source, zeros included), each with
 * the number of projects, their budget and the needs they fulfil; {@code total} is all of them.
 * Budgets are exact decimals.
 */
@Serdeable
public record ProjectReport(
    int year,
    List<Project> projects,
    List<StatusTotal> byStatus,
    List<FundingTotal> byFundingSource,
    Total total) {

  /** How many projects, their budget and the distinct needs they fulfil. */
  @Serdeable
  public record Total(long count, BigDecimal budget, long needsFulfilled) {}

  @Serdeable
  public record StatusTotal(Status status, long count, BigDecimal budget, long needsFulfilled) {}

  @Serdeable
  public record FundingTotal(
      FundingSource fundingSource, long count, BigDecimal budget, long needsFulfilled) {}

  /** The report of {@code projects}, all of the year. */
  public static ProjectReport of(int year, List<Project> projects) {
    List<StatusTotal> byStatus = new ArrayList<>();
    for (Status status : Status.values()) {
      Total total = total(projects, project -> project.status() == status);
      byStatus.add(new StatusTotal(status, total.count(), total.budget(), total.needsFulfilled()));
    }
    List<FundingTotal> byFunding = new ArrayList<>();
    for (FundingSource source : FundingSource.values()) {
      Total total = total(projects, project -> project.fundingSource() == source);
      byFunding.add(
          new FundingTotal(source, total.count(), total.budget(), total.needsFulfilled()));
    }
    return new ProjectReport(
        year, List.copyOf(projects), byStatus, byFunding, total(projects, project -> true));
  }

  private static Total total(List<Project> projects, Predicate<Project> counted) {
    long count = 0;
    BigDecimal budget = BigDecimal.ZERO.setScale(2);
    Set<Long> needs = new HashSet<>();
    for (Project project : projects) {
      if (counted.test(project)) {
        count++;
        budget = budget.add(project.budget());
        needs.addAll(project.needIds());
      }
    }
    return new Total(count, budget, needs.size());
  }
}
