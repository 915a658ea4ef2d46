package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.time.ApplicationClock;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedCommands;
import cn.shuangyong.tenants.needs.api.NeedSamples;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Satisfaction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.notifications.api.Notification;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinghu's 双清单 as it would have been worked over the last quarter, told through the real workflow
 * ({@link NeedService}) by the demo's own people: the liaisons submit and confirm, the office
 * accepts with unit and deadline or rejects, the transport bureau's handler and the garrison
 * liaisons report and complete, the city admin and the Jiaxing supervisor record 督办. One need is
 * sent back (退回重办) and finished late, one is overdue while in progress, one overdue before any
 * start; the rest spread over the other statuses.
 *
 * <p>Each step runs at its own past office hour through {@link ApplicationClock#replaying}: the
 * services stamp histories, need times, notifications, audit entries and outbox events from the one
 * injected clock, and the replayed time holds on the loading thread only, for that step only. So
 * the history lines, the dashboard's median days to close and on-time rate, and the bell agree, and
 * nothing is written around the services. Finally each person of the office and the units has read
 * what came before their last visit, so the bell shows the few recent notices that still ask
 * something of them, not every notice of three months.
 *
 * <p>Needs the demo accounts and units to exist; runs once, inside the demo province's load (under
 * the startup lock).
 */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
class PinghuNeedsStory {
  static final String TENANT = "pinghu";
  private static final Logger LOG = LoggerFactory.getLogger(PinghuNeedsStory.class);

  private final NeedService needs;
  private final NeedSamples samples;
  private final NotificationService notifications;
  private final TenantDirectory directory;
  private final UserDirectory users;
  private final ApplicationClock clock;

  PinghuNeedsStory(
      NeedService needs,
      NeedSamples samples,
      NotificationService notifications,
      TenantDirectory directory,
      UserDirectory users,
      ApplicationClock clock) {
    this.needs = needs;
    this.samples = samples;
    this.notifications = notifications;
    this.directory = directory;
    this.users = users;
    this.clock = clock;
  }

  /** The units a need is given to, by name, as the demo province created them. */
  record Units(Map<String, Long> byName) {
    long id(String name) {
      Long id = byName.get(name);
      if (id == null) {
        throw new IllegalStateException("demo unit missing: " + name);
      }
      return id;
    }
  }

  /**
   * Tells the story of the needs Pinghu's reports name ({@code reported}: title, direction,
   * category as in the demo document) and of two derived ones, all marked sample.
   */
  void tell(List<Map<String, Object>> reported, Units units) {
    long started = System.nanoTime();
    Telling telling = new Telling(units, today(), clock.instant());
    Map<String, Map<String, Object>> byTitle = new LinkedHashMap<>();
    reported.forEach(need -> byTitle.put((String) need.get("title"), need));
    // the derived first: the reported come last, newest on the board, as they did before
    telling.tellDerived();
    telling.tellReported(byTitle);
    samples.mark(telling.staff, telling.made);
    telling.readUpTo();
    LOG.info(
        "demo: {} needs of Pinghu worked through the workflow in {} ms",
        telling.made.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ChinaTime.ZONE));
  }

  /** One telling: the people, the units, and the needs made so far. */
  private final class Telling {
    final Units units;
    final LocalDate today;
    final Instant now;
    final int year;
    final TenantContext staff;
    final TenantContext admin;
    final TenantContext handler;
    final TenantContext liaison;
    final TenantContext liaison2;
    final TenantContext supervisor;
    final List<Long> made = new ArrayList<>();

    Telling(Units units, LocalDate today, Instant now) {
      this.units = units;
      this.today = today;
      this.now = now;
      this.year = today.getYear(); // this year's lists, though some asks came in late last year
      staff = enter("pinghu.staff");
      admin = enter("pinghu.admin");
      handler = enter("pinghu.handler");
      liaison = enter("pinghu.liaison");
      liaison2 = enter("pinghu.liaison2");
      supervisor = enter("jx.supervisor");
    }

    private TenantContext enter(String username) {
      CurrentUser user =
          users
              .find(username)
              .map(users::toCurrentUser)
              .orElseThrow(() -> new IllegalStateException("demo account missing: " + username));
      return directory.enter(user, TENANT);
    }

    void tellReported(Map<String, Map<String, Object>> reported) {
      Map<String, Function<Map<String, Object>, Long>> stories = new HashMap<>();
      stories.put("驻九龙山部队周末出行直通车", this::weekendBus);
      stories.put("武警中队新营房搬迁及训练场馆改造", this::newBarracks);
      stories.put("路面照明设施改造", this::streetLights);
      stories.put("信息化设备提升", this::itEquipment);
      stories.put("数字化图书馆建设", this::digitalLibrary);
      stories.put("公立医院送医上门", this::doctorsVisit);
      stories.put("农技种植培训", this::farmingCourse);
      stories.put("防台防汛抢险支援", this::typhoonRelief);
      stories.put("海军某部无偿献血", this::blood);
      stories.put("环境治理志愿服务", this::coastCleanUp);
      for (Map.Entry<String, Map<String, Object>> need : reported.entrySet()) {
        // a need the story does not know yet is still shown: submitted, waiting for the office
        stories.getOrDefault(need.getKey(), this::justSubmitted).apply(need.getValue());
      }
    }

    // ---- 拥军优属 (FOR_TROOPS): a liaison asks, the office assigns a responsible unit ----

    /** Closed on time, satisfied: the handler reported twice before finishing. */
    private long weekendBus(Map<String, Object> need) {
      long id = submit(liaison, ago(76, 9, 20), need, "驻九龙山部队官兵周末往返市区无直达公交，希望开通周末直通车。", null);
      accept(staff, ago(74, 10, 5), id, "平湖市交通运输局", today.minusDays(40), "请结合公交线网优化统筹安排。");
      progress(handler, ago(66, 15, 30), id, 40, "已完成线路踏勘，拟开通九龙山至市区周末专线。");
      progress(handler, ago(58, 11, 0), id, 80, "车辆和驾驶员已落实，试运行两周。");
      complete(handler, ago(52, 16, 45), id, "周末直通车已正式开通，每周六、日往返各两班。");
      confirm(liaison, ago(49, 9, 10), id, Satisfaction.SATISFIED, "官兵反映出行方便多了，感谢！");
      return id;
    }

    /**
     * Sent back once (退回重办), supervised, finished after its deadline, closed basically satisfied.
     */
    private long streetLights(Map<String, Object> need) {
      long id = submit(liaison, ago(80, 14, 0), need, "营区外连接道路约1.2公里无路灯，夜间出入存在安全隐患。", null);
      accept(staff, ago(78, 9, 40), id, "平湖市交通运输局", today.minusDays(38), null);
      progress(handler, ago(65, 10, 20), id, 50, "路灯基础和管线已完成，灯杆安装中。");
      complete(handler, ago(50, 17, 0), id, "路灯已全部安装。");
      confirm(liaison, ago(47, 8, 50), id, Satisfaction.UNSATISFIED, "东侧两段路灯仍未通电，请继续处理。");
      supervise(admin, ago(40, 15, 10), id, "请交通运输局尽快协调供电接入，月底前办结。");
      progress(handler, ago(36, 14, 30), id, 90, "已与供电公司对接，等待接电。");
      complete(handler, ago(28, 16, 0), id, "东侧两段路灯已通电，全线亮灯。");
      confirm(liaison, ago(25, 9, 30), id, Satisfaction.BASICALLY_SATISFIED, "已全部亮灯，办理时间偏长。");
      return id;
    }

    /** Accepted with a long deadline: a construction project of the housing bureau. */
    private long newBarracks(Map<String, Object> need) {
      long id = submit(liaison2, ago(60, 10, 0), need, "中队新营房搬迁，需配套建设训练场馆并改造周边道路。", null);
      accept(staff, ago(55, 11, 30), id, "平湖市住房和城乡建设局", today.plusDays(75), "列入年度重点项目，分期实施。");
      return id;
    }

    /** Rejected with a written reason. */
    private long itEquipment(Map<String, Object> need) {
      long id = submit(liaison, ago(50, 9, 0), need, "营区部分信息化设备老化，希望地方支持更新。", null);
      reject(staff, ago(48, 14, 20), id, "涉及部队内部信息系统，不属地方保障范围，请通过部队渠道申请；可协助对接通信运营商改善营区网络。");
      return id;
    }

    private long digitalLibrary(Map<String, Object> need) {
      long id = submit(liaison, ago(20, 10, 30), need, "希望地方图书馆为营区开通数字资源，并援建电子阅览室。", null);
      accept(staff, ago(18, 9, 15), id, "平湖市教育局", today.plusDays(40), null);
      return id;
    }

    /** Accepted, its deadline passed before any report: supervised by the city admin. */
    private long doctorsVisit(Map<String, Object> need) {
      long id = submit(liaison2, ago(40, 15, 0), need, "希望公立医院定期到中队巡诊，开展体检和健康讲座。", null);
      accept(staff, ago(38, 10, 10), id, "平湖市卫生健康局", today.minusDays(3), null);
      supervise(admin, ago(2, 9, 30), id, "已超期未反馈，请卫生健康局三日内报送巡诊安排。");
      return id;
    }

    /** Waiting for the office since the day before yesterday (unread in the office's bell). */
    private long farmingCourse(Map<String, Object> need) {
      return submit(liaison2, ago(2, 10, 15), need, "中队营区菜地种植需技术指导，希望组织农技培训。", null);
    }

    private long justSubmitted(Map<String, Object> need) {
      return submit(liaison, ago(3, 11, 0), need, "平湖市公开报道中提到的事项，作为示例数据。", null);
    }

    // ---- 拥政爱民 (FOR_CIVILIANS): the office asks, a garrison unit does it, the office confirms ----

    private long typhoonRelief(Map<String, Object> need) {
      // the city admin passes on the flood-control headquarters' ask; the staff handle it
      long id = submit(admin, ago(33, 8, 30), need, "台风即将登陆，请驻军支援沿海乡镇转移群众、加固堤塘。", null);
      acceptBy(staff, ago(33, 9, 0), id, "驻平陆军某部（示例）", today.minusDays(26), null);
      progress(liaison, ago(31, 18, 0), id, 50, "已出动官兵120人次，协助转移群众300余人。");
      complete(liaison, ago(28, 17, 30), id, "台风过境，堤塘加固和群众转移任务完成。");
      confirm(staff, ago(24, 10, 0), id, Satisfaction.SATISFIED, "部队反应迅速，群众安全转移。");
      return id;
    }

    private long blood(Map<String, Object> need) {
      long id = submit(staff, ago(20, 14, 0), need, "市中心血站库存偏紧，请驻军组织无偿献血。", null);
      acceptBy(staff, ago(19, 10, 0), id, "驻平海军某部（示例）", today.plusDays(25), null);
      return id;
    }

    private long coastCleanUp(Map<String, Object> need) {
      long id = submit(staff, ago(26, 9, 45), need, "乍浦海岸线垃圾清理，请驻军参与志愿服务。", null);
      acceptBy(staff, ago(25, 11, 0), id, "武警平湖中队（示例）", today.plusDays(10), null);
      progress(liaison2, ago(9, 16, 0), id, 50, "已组织两批次官兵参加海岸线清理。");
      return id;
    }

    // ---- derived: what the handler's and the liaison's days hold now ----

    void tellDerived() {
      Map<String, Object> roadRepair =
          Map.of("title", "营区周边道路破损修复", "direction", "FOR_TROOPS", "category", "营区建设");
      long road = submit(liaison, ago(45, 9, 30), roadRepair, "营区门前道路多处坑洼，雨天积水，车辆出入困难。", null);
      accept(staff, ago(43, 14, 0), road, "平湖市交通运输局", today.minusDays(6), null);
      progress(handler, ago(30, 10, 0), road, 30, "已完成设计，施工队进场。");
      progress(handler, ago(12, 15, 20), road, 60, "雨季影响工期，路基修复过半。");
      supervise(admin, ago(5, 10, 30), road, "已超期，请交通运输局本周内报送完工计划。");
      supervise(supervisor, ago(1, 10, 0), road, "嘉兴市双拥办督办：请平湖市加快办理并按周报告进度。");
      Map<String, Object> schoolBus =
          Map.of("title", "随军家属子女上下学接送专线", "direction", "FOR_TROOPS", "category", "子女入学");
      long bus = submit(liaison, ago(30, 16, 0), schoolBus, "营区离学校较远，希望开通上下学接送专线。", null);
      accept(staff, ago(28, 9, 30), bus, "平湖市交通运输局", today.plusDays(5), null);
      progress(handler, ago(20, 11, 0), bus, 50, "线路已确定，与学校商定接送时间。");
      complete(handler, ago(1, 16, 20), bus, "接送专线已开通，早晚各一班。");
      // the same need sent twice by mistake, withdrawn by the liaison before the office saw it
      Map<String, Object> twice =
          Map.of("title", "营区门前道路坑洼积水", "direction", "FOR_TROOPS", "category", "营区建设");
      long duplicate = submit(liaison, ago(45, 9, 40), twice, "营区门前道路坑洼，雨天积水。", null);
      withdraw(liaison, ago(45, 9, 55), duplicate, "与“营区周边道路破损修复”重复提交，撤回。");
    }

    // ---- the bell: what each person had read by their last visit ----

    void readUpTo() {
      readBefore(staff, ago(1, 17, 30), ago(3, 17, 30));
      readBefore(admin, ago(2, 8, 40), ago(5, 12, 0));
      readBefore(handler, ago(1, 9, 0), ago(2, 9, 0));
      readBefore(liaison, ago(1, 8, 30), ago(2, 8, 30));
      readBefore(liaison2, ago(1, 11, 0), ago(2, 11, 0));
    }

    /** Marks read, at {@code visit}, the reader's notifications from before {@code seenUpTo}. */
    private void readBefore(TenantContext reader, Instant visit, Instant seenUpTo) {
      clock.replaying(
          visit,
          () -> {
            for (Notification notice : notifications.mine(reader, true, 200, Locale.CHINA)) {
              if (notice.createdAt().isBefore(seenUpTo)) {
                notifications.markRead(reader, notice.id());
              }
            }
            return null;
          });
    }

    // ---- the steps, each at its own time ----

    private long submit(
        TenantContext who,
        Instant at,
        Map<String, Object> need,
        String description,
        LocalDate expectedBy) {
      Direction direction = Direction.valueOf((String) need.get("direction"));
      NeedCommands.Submit submit =
          new NeedCommands.Submit(
              direction,
              need.get("title") + "（示例）",
              description,
              category((String) need.get("category")),
              null,
              expectedBy,
              Source.COLLECTED,
              year);
      Need created = step(at, () -> needs.submit(who, submit));
      made.add(created.id());
      return created.id();
    }

    private void accept(
        TenantContext who, Instant at, long id, String unit, LocalDate deadline, String note) {
      step(
          at,
          () ->
              needs.accept(
                  who, id, new NeedCommands.Accept(units.id(unit), null, deadline, null, note)));
    }

    /** 受理 of a FOR_CIVILIANS need: the garrison unit that does the work. */
    private void acceptBy(
        TenantContext who, Instant at, long id, String garrison, LocalDate deadline, String note) {
      step(
          at,
          () ->
              needs.accept(
                  who,
                  id,
                  new NeedCommands.Accept(null, units.id(garrison), deadline, null, note)));
    }

    private void reject(TenantContext who, Instant at, long id, String reason) {
      step(at, () -> needs.reject(who, id, new NeedCommands.Reject(reason)));
    }

    private void progress(TenantContext who, Instant at, long id, int percent, String note) {
      step(at, () -> needs.progress(who, id, new NeedCommands.Progress(percent, note)));
    }

    private void complete(TenantContext who, Instant at, long id, String note) {
      step(at, () -> needs.complete(who, id, new NeedCommands.Complete(note)));
    }

    private void confirm(
        TenantContext who, Instant at, long id, Satisfaction satisfaction, String comment) {
      step(at, () -> needs.confirm(who, id, new NeedCommands.Confirm(satisfaction, comment)));
    }

    private void withdraw(TenantContext who, Instant at, long id, String note) {
      step(at, () -> needs.withdraw(who, id, new NeedCommands.Withdraw(note)));
    }

    private void supervise(TenantContext who, Instant at, long id, String note) {
      step(at, () -> needs.supervise(who, id, new NeedCommands.Supervise(note)));
    }

    private Need step(Instant at, Supplier<Need> work) {
      if (at.isAfter(now)) {
        throw new IllegalStateException("a demo step in the future: " + at);
      }
      return clock.replaying(at, work);
    }

    /** {@code days} before today at this China time of day. */
    private Instant ago(int days, int hour, int minute) {
      return today.minusDays(days).atTime(hour, minute).atZone(ChinaTime.ZONE).toInstant();
    }
  }

  /** The tenant's category for a word of the demo document (出行 → 官兵出行). */
  static String category(String word) {
    return switch (word) {
      case "出行" -> "官兵出行";
      case "信息化" -> "训练保障";
      case "文化" -> "文化生活";
      case "医疗" -> "医疗保障";
      case "培训" -> "其他";
      case "公益" -> "公益服务";
      default -> word;
    };
  }
}
