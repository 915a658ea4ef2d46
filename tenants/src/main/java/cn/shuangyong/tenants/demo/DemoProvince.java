package cn.shuangyong.tenants.demo;

import cn.shuangyong.platform.database.StartupLock;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Region;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantJobs;
import cn.shuangyong.platform.tenancy.TenantProvisioner;
import cn.shuangyong.platform.tenancy.TenantStartupMigration;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.ResponsibleUnit;
import cn.shuangyong.tenants.units.api.ResponsibleUnitForm;
import cn.shuangyong.tenants.units.api.ResponsibleUnitKind;
import cn.shuangyong.tenants.units.api.UnitService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo province (浙江, the 20 cities and counties named national model cities on 2025-04-23)
 * loaded on first start when {@code shuangyong.demo.enabled} is true: regions, tenants with their
 * published figures, Pinghu's garrison and responsible units with their contact people (cover
 * names, marked sample), the demo accounts, all with the password {@value #PASSWORD}, and Pinghu's
 * 双清单 worked through the real workflow by those accounts over the last quarter ({@link
 * PinghuNeedsStory}).
 */
@Singleton
@Requires(property = "shuangyong.demo.enabled", value = "true", defaultValue = "false")
public class DemoProvince {
  public static final String PASSWORD = "Shuangyong@2026";
  private static final Logger LOG = LoggerFactory.getLogger(DemoProvince.class);
  private static final String ACTOR = "demo";

  private final TenantDirectory directory;
  private final TenantJobs jobs;
  private final TenantProvisioner provisioner;
  private final UnitService units;
  private final UserDirectory users;
  private final JsonMapper json;
  private final PinghuNeedsStory pinghuNeeds;
  private final PinghuBudgetStory pinghuBudget;
  private final PinghuFundStory pinghuFund;
  private final PinghuProjectsStory pinghuProjects;
  private final StartupLock startup;

  DemoProvince(
      StartupLock startup,
      TenantStartupMigration tenantsMigrated,
      TenantDirectory directory,
      TenantJobs jobs,
      TenantProvisioner provisioner,
      UnitService units,
      UserDirectory users,
      JsonMapper json,
      PinghuNeedsStory pinghuNeeds,
      PinghuBudgetStory pinghuBudget,
      PinghuFundStory pinghuFund,
      PinghuProjectsStory pinghuProjects) {
    this.pinghuFund = pinghuFund;
    this.pinghuProjects = pinghuProjects;
    this.pinghuNeeds = pinghuNeeds;
    this.pinghuBudget = pinghuBudget;
    this.startup = startup;
    this.directory = directory;
    this.jobs = jobs;
    this.provisioner = provisioner;
    this.units = units;
    this.users = users;
    this.json = json;
  }

  /**
   * Under the startup lock: nodes starting together on a fresh database would otherwise both find
   * no province and both load it (and one crash on the duplicate region).
   */
  @EventListener
  void onStartup(StartupEvent event) {
    startup.exclusively("demo province", this::loadUnlessPresent);
  }

  private void loadUnlessPresent() {
    if (directory.region("zhejiang").isPresent()) {
      return;
    }
    long started = System.nanoTime();
    load();
    LOG.info("demo province loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  @SuppressWarnings("unchecked")
  void load() {
    Map<String, Object> document = readDocument();
    Map<String, Object> province = (Map<String, Object>) document.get("region");
    Map<String, Object> facts = (Map<String, Object>) document.get("tenants");
    Region zhejiang =
        directory.addRegion(
            (String) province.get("code"),
            (String) province.get("name"),
            AdministrativeLevel.PROVINCE,
            null);
    List<Map<String, Object>> children = (List<Map<String, Object>>) province.get("children");
    List<TenantProvisioner.NewTenant> newTenants = new ArrayList<>();
    for (Map<String, Object> child : children) {
      String code = (String) child.get("code");
      String parent = (String) child.get("parent");
      AdministrativeLevel level = AdministrativeLevel.valueOf((String) child.get("level"));
      Region parentRegion = parent == null ? zhejiang : directory.region(parent).orElseThrow();
      directory.addRegion(code, (String) child.get("name"), level, parentRegion);
      newTenants.add(
          new TenantProvisioner.NewTenant(
              new TenantCode(code),
              (String) child.get("name"),
              level,
              code,
              parentRegion.code(),
              null,
              toJson(facts.getOrDefault(code, Map.of()))));
    }
    provisionAll(newTenants);
    Map<String, Long> pinghu = seedPinghu();
    Map<String, Long> hangzhou = seedHangzhou();
    seedAccounts(pinghu, hangzhou);
    // the needs are worked by the demo's people, so they come after the accounts
    Map<String, Object> pinghuFacts = (Map<String, Object>) facts.get("pinghu");
    pinghuNeeds.tell(
        (List<Map<String, Object>>) pinghuFacts.get("sample_needs"),
        new PinghuNeedsStory.Units(pinghu));
    pinghuBudget.tell();
    pinghuFund.tell();
    pinghuProjects.tell(new PinghuNeedsStory.Units(pinghu));
  }

  /** Provisions the tenants two at a time (the machine's cores); each is its own schema. */
  private void provisionAll(List<TenantProvisioner.NewTenant> newTenants) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (TenantProvisioner.NewTenant tenant : newTenants) {
        results.add(pool.submit(() -> provisioner.provision(tenant, ACTOR)));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the demo province", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("demo province: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private Map<String, Long> seedPinghu() {
    return jobs.inTenant(new TenantCode("pinghu"), "demo", this::seedPinghu);
  }

  private Map<String, Long> seedPinghu(TenantContext context) {
    Map<String, Long> ids = new LinkedHashMap<>();
    List<GarrisonUnitForm> garrison =
        List.of(
            new GarrisonUnitForm("驻平陆军某部（示例）", "ARMY", "张参谋（示例）", "0573-85000001"),
            new GarrisonUnitForm("驻平海军某部（示例）", "NAVY", "李干事（示例）", "0573-85000002"),
            new GarrisonUnitForm("驻平空军某部（示例）", "AIR_FORCE", "王助理（示例）", "0573-85000003"),
            new GarrisonUnitForm("武警平湖中队（示例）", "ARMED_POLICE", "陈中队长（示例）", "0573-85000004"),
            new GarrisonUnitForm("平湖市人武部（示例）", "MILITIA", "赵科长（示例）", "0573-85000005"),
            new GarrisonUnitForm("驻平某预备役部队（示例）", "RESERVE", "孙参谋（示例）", "0573-85000006"));
    for (GarrisonUnitForm form : garrison) {
      GarrisonUnit unit = units.createSampleGarrisonUnit(context, form);
      ids.put(form.name(), unit.id());
    }
    seedPinghuResponsibleUnits(context, ids);
    return ids;
  }

  /** Every responsible unit with the person the office calls (cover names, marked sample). */
  private void seedPinghuResponsibleUnits(TenantContext context, Map<String, Long> ids) {
    Map<String, String> towns = new LinkedHashMap<>();
    towns.put("当湖街道", "沈主任（示例）");
    towns.put("钟埭街道", "顾主任（示例）");
    towns.put("曹桥街道", "陆主任（示例）");
    towns.put("乍浦镇", "朱委员（示例）");
    towns.put("新埭镇", "徐委员（示例）");
    towns.put("新仓镇", "钱委员（示例）");
    towns.put("广陈镇", "蒋委员（示例）");
    towns.put("独山港镇", "吴委员（示例）");
    int phone = 85_010_001;
    for (Map.Entry<String, String> town : towns.entrySet()) {
      units.createSampleResponsibleUnit(
          context,
          new ResponsibleUnitForm(
              town.getKey(), ResponsibleUnitKind.TOWN, town.getValue(), "0573-" + phone++));
    }
    Map<String, String> departments = new LinkedHashMap<>();
    departments.put("平湖市退役军人事务局", "褚科长（示例）");
    departments.put("平湖市教育局", "卫科长（示例）");
    departments.put("平湖市卫生健康局", "蒋科长（示例）");
    departments.put("平湖市交通运输局", "王芳（示例）");
    departments.put("平湖市住房和城乡建设局", "韩科长（示例）");
    departments.put("平湖市人力资源和社会保障局", "杨科长（示例）");
    departments.put("平湖市财政局", "秦科长（示例）");
    phone = 85_020_001;
    for (Map.Entry<String, String> department : departments.entrySet()) {
      ResponsibleUnit unit =
          units.createSampleResponsibleUnit(
              context,
              new ResponsibleUnitForm(
                  department.getKey(),
                  ResponsibleUnitKind.DEPARTMENT,
                  department.getValue(),
                  "0573-" + phone++));
      ids.put(department.getKey(), unit.id());
    }
    units.createSampleResponsibleUnit(
        context,
        new ResponsibleUnitForm(
            "国网平湖市供电公司", ResponsibleUnitKind.COMPANY, "许经理（示例）", "0573-85030001"));
  }

  private Map<String, Long> seedHangzhou() {
    return jobs.inTenant(new TenantCode("hangzhou"), "demo", this::seedHangzhou);
  }

  private Map<String, Long> seedHangzhou(TenantContext context) {
    Map<String, Long> ids = new LinkedHashMap<>();
    GarrisonUnit unit =
        units.createSampleGarrisonUnit(
            context, new GarrisonUnitForm("驻杭陆军某部（示例）", "ARMY", "周干事（示例）", "0571-87000001"));
    ids.put("garrison", unit.id());
    units.createSampleResponsibleUnit(
        context,
        new ResponsibleUnitForm(
            "杭州市退役军人事务局", ResponsibleUnitKind.DEPARTMENT, "何科长（示例）", "0571-87010001"));
    return ids;
  }

  private void seedAccounts(Map<String, Long> pinghu, Map<String, Long> hangzhou) {
    List<UserDirectory.NewUser> accounts = new ArrayList<>();
    accounts.add(account("admin", "平台管理员", Role.PLATFORM_ADMIN, null, null, null, null));
    accounts.add(
        account("zj.supervisor", "浙江省双拥办督导", Role.SUPERVISOR, null, "zhejiang", null, null));
    accounts.add(
        account("jx.supervisor", "嘉兴市双拥办督导", Role.SUPERVISOR, null, "jiaxing", null, null));
    accounts.add(account("pinghu.admin", "平湖市双拥办管理员", Role.CITY_ADMIN, "pinghu", null, null, null));
    accounts.add(
        account("hangzhou.admin", "杭州市双拥办管理员", Role.CITY_ADMIN, "hangzhou", null, null, null));
    accounts.add(account("quzhou.admin", "衢州市双拥办管理员", Role.CITY_ADMIN, "quzhou", null, null, null));
    accounts.add(
        account("zhoushan.admin", "舟山市双拥办管理员", Role.CITY_ADMIN, "zhoushan", null, null, null));
    accounts.add(
        account("pinghu.staff", "平湖市双拥办工作人员", Role.CITY_STAFF, "pinghu", null, null, null));
    accounts.add(
        account(
            "pinghu.handler",
            "平湖市交通运输局经办人",
            Role.UNIT_HANDLER,
            "pinghu",
            null,
            null,
            pinghu.get("平湖市交通运输局")));
    accounts.add(
        account(
            "pinghu.liaison",
            "驻平陆军某部联络员",
            Role.GARRISON_LIAISON,
            "pinghu",
            null,
            pinghu.get("驻平陆军某部（示例）"),
            null));
    accounts.add(
        account(
            "pinghu.liaison2",
            "武警平湖中队联络员",
            Role.GARRISON_LIAISON,
            "pinghu",
            null,
            pinghu.get("武警平湖中队（示例）"),
            null));
    accounts.add(
        account(
            "hangzhou.liaison",
            "驻杭陆军某部联络员",
            Role.GARRISON_LIAISON,
            "hangzhou",
            null,
            hangzhou.get("garrison"),
            null));
    users.createAll(accounts, ACTOR);
  }

  private static UserDirectory.NewUser account(
      String username,
      String displayName,
      Role role,
      String tenant,
      String region,
      Long garrisonUnitId,
      Long responsibleUnitId) {
    return new UserDirectory.NewUser(
        username,
        displayName,
        PASSWORD,
        Set.of(role),
        tenant,
        region,
        garrisonUnitId,
        responsibleUnitId);
  }

  private Map<String, Object> readDocument() {
    try (InputStream in = DemoProvince.class.getResourceAsStream("/demo/zhejiang-2025.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo/zhejiang-2025.yaml is missing from the class path");
      }
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the demo province", e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
