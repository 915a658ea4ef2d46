package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.security.CredentialCheck;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.platform.users.UserAccount;
import cn.shuangyong.platform.users.UserDirectory;
import cn.shuangyong.tenants.units.api.GarrisonUnitForm;
import cn.shuangyong.tenants.units.api.UnitService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A city admin signs in through the one public port with a real (headless) browser. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest implements TestPropertyProvider {
  private static final String PROVINCE = "uibrowser_prov";
  private static final String CITY = "uibrowsercity";
  private static final String ADMIN = "uibrowser.admin";
  private static final String LIAISON = "uibrowser.liaison";
  private static final String LOCKED = "uibrowser.locked";
  private static final String UNIT_IN_USE = "驻测某部（已绑定账号）";

  @Inject EmbeddedServer server;
  @Inject ApplicationContext context;
  private ChromeDriver browser;
  private Tenant city;
  private long unitInUse;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeAll
  void fixtures() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region(PROVINCE, AdministrativeLevel.PROVINCE, null);
    city = fixtures.tenant(CITY, PROVINCE);
    UserAccount admin = fixtures.user(ADMIN, Role.CITY_ADMIN, CITY, null, null, null);
    TenantContext cityAdmin =
        context
            .getBean(TenantDirectory.class)
            .enter(context.getBean(UserDirectory.class).toCurrentUser(admin), CITY);
    UnitService units = context.getBean(UnitService.class);
    unitInUse =
        units.listGarrisonUnits(cityAdmin, UNIT_IN_USE).stream()
            .findFirst()
            .orElseGet(
                () ->
                    units.createGarrisonUnit(
                        cityAdmin, new GarrisonUnitForm(UNIT_IN_USE, "ARMY", null, null)))
            .id();
    fixtures.user(LIAISON, Role.GARRISON_LIAISON, CITY, null, unitInUse, null);
    fixtures.user(LOCKED, Role.CITY_STAFF, CITY, null, null, null);
  }

  @BeforeEach
  void setUp() {
    browser = Chromium.startOrSkip();
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCityAdminSeesItsCityOnTheDashboard() throws Exception {
    browser.get(base());
    WebDriverWait wait = new PageWait(browser, Duration.ofSeconds(30));
    WebElement username =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    String anonymousSession = browser.manage().getCookieNamed("JSESSIONID").getValue();
    username.sendKeys(ADMIN);
    browser
        .findElement(By.cssSelector("input[name='password']"))
        .sendKeys(PlatformFixtures.PASSWORD);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();

    WebElement cityName =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("city-name")));
    assertThat(cityName.getText()).isEqualTo(city.name());
    // signing in rotates the session id (no session fixation)
    assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue())
        .isNotEqualTo(anonymousSession);
    assertThat(browser.findElement(By.id("current-user")).getText()).contains(city.name());
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .contains("首页", "审计")
        .doesNotContain("城市管理");
    screenshot(browser, "dashboard.png");

    browser.get(base() + "tenants");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "无权访问"));
  }

  @Test
  void aCityAdminAddsANeedCategory() throws Exception {
    WebDriverWait wait = signIn(ADMIN);
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .contains("事项类别");
    browser.get(base() + "needs/categories");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("category-add"))).click();
    String name = "海训保障-" + System.nanoTime() % 100000;
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#category-name input")))
        .sendKeys(name);
    browser.findElement(By.id("category-save")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']")));
    assertThat(browser.findElement(By.id("need-categories")).getText()).contains("营区建设");
  }

  @Test
  void aCityAdminAddsAGarrisonUnitAndCannotDeleteOneInUse() throws Exception {
    WebDriverWait wait = signIn(ADMIN);
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .contains("首页", "驻军单位", "责任单位");
    browser.get(base() + "garrison-units");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("create-unit"))).click();
    String name = "驻测新部-" + System.nanoTime() % 100000;
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#unit-name input")))
        .sendKeys(name);
    browser.findElement(By.id("save-unit")).click();
    // the service's type is required: the form says so before anything is saved
    wait.until(ExpectedConditions.attributeToBe(By.id("unit-kind"), "invalid", "true"));
    browser.findElement(By.id("unit-kind")).click();
    WebElement navy =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='海军']")));
    // the branches are the tenant's table: the arms since April 2024, not the dissolved 战略支援部队
    assertThat(browser.findElements(By.tagName("vaadin-select-item")))
        .extracting(item -> item.getText().trim())
        .contains("信息支援部队", "军事航天部队", "网络空间部队", "联勤保障部队")
        .doesNotContain("战略支援部队");
    navy.click();
    browser.findElement(By.id("save-unit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']")));
    screenshot(browser, "garrison-units.png");

    wait.until(ExpectedConditions.elementToBeClickable(By.id("delete-unit-" + unitInUse))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-notification-card"), "账号绑定"));
  }

  @Test
  void aWrongPasswordIsRefusedOnTheLoginForm() {
    browser.get(base() + "login");
    WebDriverWait wait = new PageWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(ADMIN);
    browser.findElement(By.cssSelector("input[name='password']")).sendKeys("Wrong@2026x");
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户名或密码错误"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndSaySoWithTheTime() {
    browser.get(base() + "login");
    WebDriverWait wait = new PageWait(browser, Duration.ofSeconds(30));
    for (int attempt = 1; attempt <= CredentialCheck.MAX_FAILURES; attempt++) {
      WebElement username =
          wait.until(
              ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
      username.sendKeys(Keys.chord(Keys.CONTROL, "a"), LOCKED);
      WebElement password = browser.findElement(By.cssSelector("input[name='password']"));
      password.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Wrong@2026x");
      browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
      wait.until(
          ExpectedConditions.attributeToBe(
              By.tagName("vaadin-login-form-wrapper"), "error", "true"));
      if (attempt < CredentialCheck.MAX_FAILURES) {
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户名或密码错误"));
      }
    }
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "账号已锁定至"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .containsPattern("锁定至 \\d{2}:\\d{2}");
  }

  private WebDriverWait signIn(String username) {
    return Chromium.signIn(browser, base(), username, PlatformFixtures.PASSWORD);
  }

  private String base() {
    return Chromium.base(server);
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Chromium.screenshot((ChromeDriver) browser, name);
  }
}
