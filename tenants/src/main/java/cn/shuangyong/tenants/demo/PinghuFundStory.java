package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.fund.api.FundCommands;
import cn.shuangyong.tenants.fund.api.FundRules;
import cn.shuangyong.tenants.fund.api.FundService;
import cn.shuangyong.tenants.fund.api.FundTypes.ApplicantType;
import cn.shuangyong.tenants.fund.api.FundTypes.InflowSource;
import cn.shuangyong.tenants.fund.api.Grant;
import cn.shuangyong.tenants.fund.api.GrantService;
import cn.shuangyong.tenants.notifications.api.Notification;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinghu's 帮扶基金 (the demo document: "设立帮扶基金", 2,000–5,000 yuan per household a year, special
 * hardship up to 10,000), written through the real services ({@link FundService}, {@link
 * GrantService}) by the demo's city admin and staff: this year's fiscal allocation and two
 * donations, and six sample applications (their applicants' names say 样例, their ID numbers are made
 * up with a valid check character) at every step: paid, paid under the special cap, approved and
 * waiting to be paid, an urgent case paid first whose paperwork is pending, one waiting for the
 * town's review, one sent back.
 */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
class PinghuFundStory {
  private static final Logger LOG = LoggerFactory.getLogger(PinghuFundStory.class);

  /** The step a sample application is taken to. */
  private enum Until {
    SUBMITTED,
    SENT_BACK,
    APPROVED,
    PAID,
    PAID_FIRST
  }

  /** A sample application and how far it goes. */
  private record Sample(
      String name,
      ApplicantType type,
      String birth,
      int household,
      String income,
      String reason,
      String requested,
      boolean special,
      boolean urgent,
      Until until) {}

  private static final List<Sample> SAMPLES =
      List.of(
          new Sample(
              "王某某（样例）",
              ApplicantType.VETERAN,
              "19680315",
              4,
              "36000.00",
              "妻子患病手术，自付医疗费用较高，家庭收入锐减（样例）",
              "5000.00",
              false,
              false,
              Until.PAID),
          new Sample(
              "陈某某（样例）",
              ApplicantType.MARTYR_FAMILY,
              "19520908",
              1,
              "14400.00",
              "烈士遗属，独居，患慢性病长期服药（样例）",
              "8000.00",
              true,
              false,
              Until.PAID),
          new Sample(
              "李某某（样例）",
              ApplicantType.SERVING_FAMILY,
              "19900620",
              3,
              "42000.00",
              "现役军人家属，子女患病住院（样例）",
              "3000.00",
              false,
              false,
              Until.APPROVED),
          new Sample(
              "赵某某（样例）",
              ApplicantType.OTHER,
              "19751102",
              5,
              "30000.00",
              "房屋失火，急需临时安置（样例）",
              "4000.00",
              false,
              true,
              Until.PAID_FIRST),
          new Sample(
              "孙某某（样例）",
              ApplicantType.VETERAN,
              "19830127",
              3,
              "28000.00",
              "本人因伤失业，家庭生活困难（样例）",
              "2500.00",
              false,
              false,
              Until.SUBMITTED),
          new Sample(
              "周某某（样例）",
              ApplicantType.VETERAN,
              "19790518",
              2,
              "186000.00",
              "子女上学费用（样例）",
              "3000.00",
              false,
              false,
              Until.SENT_BACK));

  private final FundService fund;
  private final GrantService grants;
  private final PinghuPeople people;
  private final NotificationService notifications;

  PinghuFundStory(
      FundService fund,
      GrantService grants,
      PinghuPeople people,
      NotificationService notifications) {
    this.notifications = notifications;
    this.fund = fund;
    this.grants = grants;
    this.people = people;
  }

  void tell() {
    TenantContext admin = people.enter("pinghu.admin");
    TenantContext staff = people.enter("pinghu.staff");
    LocalDate today = fund.today();
    LocalDate january = today.withDayOfYear(1);
    inflow(admin, january, "300000.00", InflowSource.FISCAL, null, "年度帮扶基金财政拨款（样例）");
    inflow(admin, january, "80000.00", InflowSource.DONATION, "平湖市慈善总会", "八一专项捐赠（样例）");
    inflow(admin, today, "20000.00", InflowSource.DONATION, "平湖某企业", "拥军优属定向捐赠（样例）");
    int sequence = 101;
    for (Sample sample : SAMPLES) {
      String first = "330482" + sample.birth() + sequence++;
      Grant grant = grants.submit(staff, apply(sample, first + FundRules.checkCharacter(first)));
      advance(admin, staff, grant, sample, today);
    }
    // the office has seen these steps (it took them): the bell keeps the needs' few recent notices
    for (TenantContext reader : List.of(staff, admin)) {
      for (Notification notice : notifications.mine(reader, true, 200, Locale.CHINA)) {
        if (notice.kind().startsWith("GRANT_")) {
          notifications.markRead(reader, notice.id());
        }
      }
    }
    LOG.info("demo: Pinghu's assistance fund with {} sample applications", SAMPLES.size());
  }

  private void inflow(
      TenantContext admin,
      LocalDate date,
      String amount,
      InflowSource source,
      String donor,
      String note) {
    fund.recordInflow(
        admin, new FundCommands.RecordInflow(date, new BigDecimal(amount), source, donor, note));
  }

  private static FundCommands.Apply apply(Sample sample, String idNumber) {
    return new FundCommands.Apply(
        sample.name(),
        sample.type(),
        idNumber,
        "13957300" + idNumber.substring(14, 17),
        sample.household(),
        new BigDecimal(sample.income()),
        sample.reason(),
        new BigDecimal(sample.requested()),
        sample.special(),
        sample.special() ? "烈士遗属，独居，重大慢性病（样例）" : null,
        sample.urgent(),
        sample.urgent() ? "房屋失火，急需安置（样例）" : null);
  }

  private void advance(
      TenantContext admin, TenantContext staff, Grant grant, Sample sample, LocalDate today) {
    long id = grant.id();
    switch (sample.until()) {
      case SUBMITTED -> {}
      case SENT_BACK ->
          grants.review(staff, id, new FundCommands.Review(false, "家庭收入高于低收入标准，不符合帮扶条件（样例）"));
      case PAID_FIRST -> grants.pay(admin, id, new FundCommands.Pay(today, "急难先行支付-样例", null));
      case APPROVED, PAID -> {
        grants.review(staff, id, new FundCommands.Review(true, "经村（社区）走访核实，情况属实（样例）"));
        grants.approve(
            admin, id, new FundCommands.Approve(new BigDecimal(sample.requested()), null));
        if (sample.until() == Until.PAID) {
          grants.pay(admin, id, new FundCommands.Pay(today, "农商银行转账-样例-" + id, null));
        }
      }
    }
  }
}
