package cn.shuangyong.tenants.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TestTenants;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.fund.api.Fund;
import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundRules;
import cn.shuangyong.tenants.fund.api.FundService;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantQuery;
import cn.shuangyong.tenants.fund.api.GrantService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fund's invariant as a property, over random sequences of operations with a seeded {@link
 * Random} (the seed and step are named when it breaks): inflows good and bad, applications of a few
 * households, reviews, approvals of random amounts, refusals and payments of random grants, urgent
 * ones first. A model predicts which operations succeed (the status, the household's cap of the
 * year, the balance); after every step the fund's inflows, paid and balance equal the model's, the
 * balance is {@code inflows − paid} and never below zero, and the paid grants in the list add up to
 * {@code paid}. A refused operation leaves nothing behind.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundBalancePropertyTest implements TestPropertyProvider {
  private static final int SEQUENCES = 12;
  private static final int STEPS = 40;
  private static final BigDecimal MIN = new BigDecimal("2000.00");
  private static final BigDecimal MAX = new BigDecimal("5000.00");
  private static final BigDecimal SPECIAL_MAX = new BigDecimal("10000.00");

  private int succeeded;
  private int refused;
  private int payments;

  @Inject ApplicationContext context;
  @Inject FundService fund;
  @Inject GrantService grants;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  /** What the model knows of one grant. */
  private static final class Modelled {
    final long id;
    final String household;
    final boolean urgent;
    final boolean special;
    final BigDecimal requested;
    Status status = Status.SUBMITTED;
    BigDecimal amount;

    Modelled(long id, String household, boolean urgent, boolean special, BigDecimal requested) {
      this.id = id;
      this.household = household;
      this.urgent = urgent;
      this.special = special;
      this.requested = requested;
    }
  }

  /** One random sequence in a tenant of its own. */
  private final class Run {
    final Random random;
    final long seed;
    final TenantContext admin;
    final TenantContext staff;
    final List<String> households = new ArrayList<>();
    final List<Modelled> modelled = new ArrayList<>();
    BigDecimal inflows = BigDecimal.ZERO.setScale(2);
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    int step;

    Run(long seed, String tenant) {
      this.seed = seed;
      this.random = new Random(seed);
      TestTenants tenants = new TestTenants(context);
      this.admin = tenants.as(tenant, Role.CITY_ADMIN);
      this.staff = tenants.as(tenant, Role.CITY_STAFF);
      for (int i = 0; i < 3; i++) {
        String first = "330482" + (1950 + random.nextInt(50)) + "0101" + (100 + i);
        households.add(first + FundRules.checkCharacter(first));
      }
    }

    void go() {
      for (step = 0; step < STEPS; step++) {
        switch (random.nextInt(6)) {
          case 0 -> inflow();
          case 1 -> submit();
          case 2 -> review();
          case 3 -> approve();
          case 4, 5 -> pay();
          default -> throw new IllegalStateException();
        }
        check();
      }
    }

    void inflow() {
      BigDecimal amount = money(random.nextInt(5) == 0 ? -500 : 1, 8000);
      boolean bad = random.nextInt(6) == 0;
      BigDecimal given = bad ? amount.add(new BigDecimal("0.001")) : amount;
      boolean ok = !bad && amount.signum() > 0;
      expect(
          ok,
          () ->
              fund.recordInflow(
                  staff,
                  new FundCommands.RecordInflow(
                      fund.today(), given, InflowSource.FISCAL, null, null)));
      if (ok) {
        inflows = inflows.add(amount);
      }
    }

    void submit() {
      String household = households.get(random.nextInt(households.size()));
      boolean urgent = random.nextInt(3) == 0;
      boolean special = random.nextInt(5) == 0;
      BigDecimal requested = money(1500, 6500);
      Grant grant =
          grants.submit(
              staff,
              new FundCommands.Apply(
                  "申请人" + step,
                  ApplicantType.VETERAN,
                  household,
                  "13957312345",
                  3,
                  new BigDecimal("12000"),
                  "困难",
                  requested,
                  special,
                  special ? "特殊困难" : null,
                  urgent,
                  urgent ? "急难" : null));
      modelled.add(new Modelled(grant.id(), household, urgent, special, requested));
    }

    void review() {
      Modelled grant = any();
      if (grant == null) {
        return;
      }
      boolean approve = random.nextInt(4) != 0;
      boolean ok = grant.status == Status.SUBMITTED;
      expect(ok, () -> grants.review(staff, grant.id, new FundCommands.Review(approve, "核实")));
      if (ok) {
        grant.status = approve ? Status.REVIEWED : Status.REJECTED;
      }
    }

    void approve() {
      Modelled grant = any();
      if (grant == null) {
        return;
      }
      BigDecimal amount = money(1500, 6500);
      boolean ok = grant.status == Status.REVIEWED && fits(grant, amount);
      expect(ok, () -> grants.approve(admin, grant.id, new FundCommands.Approve(amount, null)));
      if (ok) {
        grant.status = Status.APPROVED;
        grant.amount = amount;
      }
    }

    void pay() {
      Modelled grant = any();
      if (grant == null) {
        return;
      }
      boolean first = grant.status != Status.APPROVED;
      boolean allowed =
          grant.status == Status.APPROVED
              || (grant.urgent
                  && (grant.status == Status.SUBMITTED || grant.status == Status.REVIEWED));
      BigDecimal amount = first ? grant.requested : grant.amount;
      boolean ok =
          allowed
              && (!first || fits(grant, amount))
              && amount.compareTo(inflows.subtract(paid)) <= 0;
      expect(
          ok,
          () ->
              grants.pay(
                  admin, grant.id, new FundCommands.Pay(grants.today(), "ref-" + step, null)));
      if (ok) {
        grant.status = Status.PAID;
        grant.amount = amount;
        paid = paid.add(amount);
        payments++;
      }
    }

    /** The amount is at least the minimum and within the household's cap of the year. */
    boolean fits(Modelled grant, BigDecimal amount) {
      BigDecimal counted =
          modelled.stream()
              .filter(g -> g != grant && g.household.equals(grant.household) && g.status.counts())
              .map(g -> g.amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal cap = grant.special ? SPECIAL_MAX : MAX;
      return amount.compareTo(MIN) >= 0 && counted.add(amount).compareTo(cap) <= 0;
    }

    Modelled any() {
      return modelled.isEmpty() ? null : modelled.get(random.nextInt(modelled.size()));
    }

    void expect(boolean ok, Supplier<?> operation) {
      try {
        operation.get();
        succeeded++;
        if (!ok) {
          fail(where() + ": succeeded, the model expected a refusal");
        }
      } catch (ValidationException | ProblemException refusal) {
        refused++;
        if (ok) {
          fail(where() + ": refused, the model expected success: " + refusal.getMessage());
        }
      }
    }

    void check() {
      Fund standing = fund.fund(admin);
      assertThat(standing.inflows()).as(where() + " inflows").isEqualByComparingTo(inflows);
      assertThat(standing.paid()).as(where() + " paid").isEqualByComparingTo(paid);
      assertThat(standing.balance())
          .as(where() + " balance = inflows − paid")
          .isEqualByComparingTo(standing.inflows().subtract(standing.paid()))
          .isGreaterThanOrEqualTo(BigDecimal.ZERO);
      BigDecimal listed =
          grants
              .list(admin, new GrantQuery(Status.PAID, null, null, null, null), 0, 200, null, true)
              .items()
              .stream()
              .map(Grant::paidAmount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(listed).as(where() + " the paid grants add up").isEqualByComparingTo(paid);
    }

    String where() {
      return "seed " + seed + " step " + step;
    }

    /** A random amount in yuan with two decimals between {@code from} and {@code to}. */
    BigDecimal money(int from, int to) {
      return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100)).movePointLeft(2);
    }
  }

  @Test
  void theBalanceIsAlwaysTheInflowsLessThePaidGrants() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("fundpropprov", AdministrativeLevel.PROVINCE, null);
    long base = 20261202L;
    for (int i = 0; i < SEQUENCES; i++) {
      String tenant = "fundprop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
      fixtures.tenant(tenant, "fundpropprov");
      new Run(base + i, tenant).go();
    }
    assertThat(payments).as("the sequences pay grants").isGreaterThan(SEQUENCES);
    assertThat(refused).as("and are refused some steps").isGreaterThan(SEQUENCES);
    assertThat(succeeded).isGreaterThan(SEQUENCES * 5);
  }
}
