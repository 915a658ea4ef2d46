package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.budgets.api.BudgetCommands;
import cn.shuangyong.tenants.budgets.api.BudgetService;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.tenants.budgets.api.ExpenditureVouchers;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinghu's 双拥工作经费 of last year and this year, written through the real services ({@link
 * BudgetService}, {@link ExpenditureVouchers}) by the demo's city admin and staff. Pinghu reports
 * "每年350多万双拥专项经费, 自然增长" (the demo document): last year's budget is 3,420,000 yuan, this year's
 * 3,580,000, over the nine categories; this year's expenditures are samples (their purpose says
 * so), most evidenced by a voucher, a few still waiting for theirs, spread over the months so far.
 */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
class PinghuBudgetStory {
  private static final Logger LOG = LoggerFactory.getLogger(PinghuBudgetStory.class);

  /** Category, last year's and this year's amount. */
  private static final List<String[]> LINES =
      List.of(
          new String[] {"慰问", "1200000.00", "1260000.00"},
          new String[] {"基础设施", "800000.00", "820000.00"},
          new String[] {"帮扶救助", "400000.00", "420000.00"},
          new String[] {"医疗保障", "250000.00", "260000.00"},
          new String[] {"出行保障", "200000.00", "210000.00"},
          new String[] {"文化活动", "180000.00", "190000.00"},
          new String[] {"就业安置", "150000.00", "160000.00"},
          new String[] {"宣传教育", "140000.00", "150000.00"},
          new String[] {"其他", "100000.00", "110000.00"});

  /** Month, category, amount, payee, purpose, evidenced. */
  private static final List<String[]> SPENDING =
      List.of(
          new String[] {"1", "慰问", "386500.00", "驻平陆军某部", "春节走访慰问驻平部队官兵", "y"},
          new String[] {"1", "慰问", "128800.00", "平湖市退役军人事务局", "春节慰问重点优抚对象", "y"},
          new String[] {"2", "出行保障", "36000.00", "平湖市公交集团", "驻九龙山部队周末出行直通车（一季度）", "y"},
          new String[] {"3", "医疗保障", "48260.50", "平湖市第一人民医院", "官兵及随军家属健康体检", "y"},
          new String[] {"4", "基础设施", "215000.00", "平湖市城投公司", "武警中队训练场馆改造（首期）", "y"},
          new String[] {"5", "文化活动", "42300.00", "平湖市文化馆", "军民共建文艺晚会", "y"},
          new String[] {"5", "出行保障", "36000.00", "平湖市公交集团", "驻九龙山部队周末出行直通车（二季度）", "y"},
          new String[] {"6", "就业安置", "58000.00", "平湖市人力社保局", "随军家属就业培训", "y"},
          new String[] {"7", "慰问", "298400.00", "驻平陆军某部", "八一建军节走访慰问", "y"},
          new String[] {"7", "宣传教育", "26850.00", "平湖日报社", "双拥宣传月专版", "y"},
          new String[] {"8", "帮扶救助", "86000.00", "平湖市退役军人服务中心", "困难退役军人帮扶", "y"},
          new String[] {"8", "出行保障", "36000.00", "平湖市公交集团", "驻九龙山部队周末出行直通车（三季度）", "y"},
          new String[] {"9", "基础设施", "168500.00", "平湖市城投公司", "营区道路硬化", "y"},
          new String[] {"10", "医疗保障", "31200.00", "平湖市中医院", "送医送药进军营", "n"},
          new String[] {"11", "帮扶救助", "52000.00", "平湖市退役军人服务中心", "烈属遗属帮扶", "n"},
          new String[] {"11", "其他", "9865.35", "平湖市双拥办", "双拥工作会议", "n"});

  private final BudgetService budgets;
  private final ExpenditureVouchers vouchers;
  private final PinghuPeople people;
  private final Clock clock;

  PinghuBudgetStory(
      BudgetService budgets, ExpenditureVouchers vouchers, PinghuPeople people, Clock clock) {
    this.budgets = budgets;
    this.vouchers = vouchers;
    this.people = people;
    this.clock = clock;
  }

  void tell() {
    TenantContext admin = people.enter("pinghu.admin");
    TenantContext staff = people.enter("pinghu.staff");
    LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
    int year = today.getYear();
    budgets.set(admin, year - 1, budget(1));
    budgets.set(admin, year, budget(2));
    int recorded = 0;
    for (String[] row : SPENDING) {
      int month = Integer.parseInt(row[0]);
      if (month > today.getMonthValue()) {
        continue;
      }
      LocalDate date = LocalDate.of(year, month, Math.min(15, today.getDayOfMonth()));
      if (month < today.getMonthValue()) {
        date = LocalDate.of(year, month, 15);
      }
      Expenditure spent =
          budgets.record(
              staff,
              new BudgetCommands.RecordExpenditure(
                  date,
                  new BigDecimal(row[2]),
                  row[1],
                  row[3],
                  row[4] + "（样例）",
                  null,
                  null,
                  null,
                  year));
      if (row[5].equals("y")) {
        vouchers.attach(staff, spent.id(), "下拨凭证-" + spent.id() + ".pdf", voucher(row));
      }
      recorded++;
    }
    LOG.info("demo: Pinghu's budgets of {} and {} with {} expenditures", year - 1, year, recorded);
  }

  private static BudgetCommands.SetBudget budget(int column) {
    return new BudgetCommands.SetBudget(
        LINES.stream()
            .map(line -> new BudgetCommands.LineInput(line[0], new BigDecimal(line[column])))
            .toList());
  }

  /** A one-page PDF standing for the scanned 下拨凭证 (a sample). */
  private static byte[] voucher(String[] row) {
    return ("%PDF-1.4\n% sample voucher: "
            + row[3]
            + " "
            + row[2]
            + "\n"
            + "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
