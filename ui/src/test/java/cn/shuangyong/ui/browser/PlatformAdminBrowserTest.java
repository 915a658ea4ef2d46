package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The platform admin (demo account) creates a city from the UI; then switches to English. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformAdminBrowserTest extends BrowserTest {
  @Inject ApplicationContext context;

  @Test
  void theAdminCreatesACityWithInlineValidationAndProgress() throws Exception {
    signIn("admin");
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .containsExactly("首页", "城市管理", "账号管理", "审计", "个人资料");
    browser.get(base() + "tenants");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("create-tenant"))).click();
    WebElement code =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tenant-code input")));
    code.sendKeys("Bad-Code");
    browser.findElement(By.cssSelector("#tenant-name input")).sendKeys("测试新城");
    browser.findElement(By.id("save-tenant")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("tenant-code"), "invalid", "true"));

    String newCode = "uinew" + System.nanoTime() % 1_000_000;
    code.sendKeys(Keys.chord(Keys.CONTROL, "a"), newCode);
    WebElement parent = browser.findElement(By.cssSelector("#tenant-parent input"));
    parent.sendKeys("jiaxing");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), '(jiaxing)')]")))
        .click();
    browser.findElement(By.id("save-tenant")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + newCode + "']")));
    assertThat(context.getBean(TenantDirectory.class).find(newCode))
        .hasValueSatisfying(tenant -> assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE));
    screenshot("tenants.png");

    browser.get(base());
    wait.until(ExpectedConditions.elementToBeClickable(By.id("language"))).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='English']")))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("vaadin-side-nav"), "Cities"));
    screenshot("dashboard-admin-en.png");
  }

  @Test
  void aSupervisorSeesTheCitiesOfItsRegion() throws Exception {
    signIn("zj.supervisor");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "平湖市"));
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .containsExactly("首页", "辖区城市", "双清单", "双拥工作经费", "审计", "个人资料");
    screenshot("dashboard-supervisor.png");

    // a phone: the drawer folds away behind the toggle
    browser.manage().window().setSize(new Dimension(390, 844));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//vaadin-side-nav-item[normalize-space(.)='辖区城市']")));
    browser.findElement(By.tagName("vaadin-drawer-toggle")).click();
    By regionItem = By.xpath("//vaadin-side-nav-item[normalize-space(.)='辖区城市']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(regionItem));
    wait.until(driver -> driver.findElement(regionItem).getRect().getX() >= 0); // slid in
    screenshot("dashboard-supervisor-mobile.png");
  }

  /** Issue 9: the tenants grid names regions (湖州市 under 浙江省), not their pinyin codes. */
  @Test
  void theTenantsGridShowsRegionNamesNotCodes() {
    signIn("admin");
    browser.get(base() + "tenants");
    By huzhou = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='湖州市']");
    wait.until(ExpectedConditions.presenceOfElementLocated(huzhou));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='浙江省']")));
    assertThat(browser.findElements(By.cssSelector("vaadin-grid-cell-content")))
        .extracting(WebElement::getText)
        .doesNotContain("zhejiang");
  }

  /**
   * Issue 9: the audit page says what happened in words (登录失败, 失败), who by display name, the city
   * by name, and the address as people write it (no {@code 0:0:0:0:0:0:0:1}).
   */
  @Test
  void theAuditPageShowsWordsNamesAndReadableAddresses() {
    browser.get(base() + "login");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys("nobody.names");
    browser.findElement(By.cssSelector("input[name='password']")).sendKeys("Wrong@2026x");
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(
        ExpectedConditions.attributeToBe(By.tagName("vaadin-login-form-wrapper"), "error", "true"));
    signIn("admin");
    browser.get(base() + "audit");
    By failed = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='登录失败']");
    wait.until(ExpectedConditions.presenceOfElementLocated(failed));
    List<String> cells =
        browser.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(cells)
        .contains("登录", "失败", "成功")
        .noneMatch(text -> text.contains("0:0:0:0:0:0:0:1"))
        .noneMatch(text -> text.equals("LOGIN_FAILED") || text.equals("SUCCESS"))
        .contains("127.0.0.1 (本机)")
        .anyMatch(text -> text.contains("平台管理员") && text.contains("admin"));

    // the action filter is a list of the actions in words, not a field for codes
    WebElement action =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#audit-action input")));
    action.sendKeys("登录失败");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver
                  .findElement(By.xpath("//vaadin-combo-box-item[normalize-space(.)='登录失败']"))
                  .click();
              return true;
            });
    By login = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='登录']");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(login));
    assertThat(browser.findElements(failed)).isNotEmpty();
  }

  /**
   * Issue 9: the new-tenant dialog marks what it needs, says "choose the parent region" for an
   * empty one, and says a taken code under the code field, where it is fixed.
   */
  @Test
  void theNewTenantDialogSaysEachRefusalUnderItsField() throws Exception {
    signIn("admin");
    browser.get(base() + "tenants");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("create-tenant"))).click();
    WebElement code = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-code")));
    for (String id : List.of("tenant-code", "tenant-name", "tenant-level", "tenant-parent")) {
      assertThat(browser.findElement(By.id(id)).getDomProperty("required"))
          .as("%s is marked required", id)
          .isEqualTo("true");
    }
    code.findElement(By.tagName("input")).sendKeys("pinghu");
    browser.findElement(By.cssSelector("#tenant-name input")).sendKeys("重复的城市");
    browser.findElement(By.id("save-tenant")).click();
    WebElement parent = browser.findElement(By.id("tenant-parent"));
    wait.until(ExpectedConditions.attributeToBe(parent, "invalid", "true"));
    assertThat(parent.getDomProperty("errorMessage")).isEqualTo("请选择上级地区");
    parent.findElement(By.tagName("input")).sendKeys("jiaxing");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), '(jiaxing)')]")))
        .click();
    wait.until(driver -> !"true".equals(parent.getDomAttribute("invalid")));

    browser.findElement(By.id("save-tenant")).click();
    wait.until(ExpectedConditions.attributeToBe(code, "invalid", "true"));
    assertThat(code.getDomProperty("errorMessage")).isEqualTo("该城市编码已存在");
    screenshot("tenant-code-taken.png");
    code.findElement(By.tagName("input")).sendKeys("2");
    wait.until(driver -> !"true".equals(code.getDomAttribute("invalid")));
  }

  /**
   * The Tenants view's 重新迁移: a tenant whose migration FAILED (set so in the registry here) is
   * migrated again from its row, after a confirmation, and is then 正常 (ACTIVE) without a restart.
   */
  @Test
  void theAdminMigratesAFailedTenantAgainFromItsRow() throws Exception {
    String tenant = "lishui";
    try (Connection owner = TestInfrastructure.get().ownerConnection();
        PreparedStatement failed =
            owner.prepareStatement(
                "update platform.tenant set status = 'FAILED', status_detail = ? where code = ?")) {
      failed.setString(1, "测试：迁移中断");
      failed.setString(2, tenant);
      assertThat(failed.executeUpdate()).isEqualTo(1);
    }
    signIn("admin");
    browser.get(base() + "tenants");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tenants-filter input")))
        .sendKeys(tenant);
    // the filtered grid renders its rows anew: press the button of the one row left
    WebElement grid = browser.findElement(By.tagName("vaadin-grid"));
    wait.until(
        driver -> Long.valueOf(1).equals(browser.executeScript("return arguments[0].size;", grid)));
    By retry = By.id("migrate-again-" + tenant);
    wait.until(ExpectedConditions.elementToBeClickable(retry)).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-migrate-again"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(retry));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='正常']")));
    assertThat(context.getBean(TenantDirectory.class).find(tenant))
        .hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(TenantStatus.ACTIVE));
  }

  private void signIn(String username) {
    Chromium.signIn(browser, base(), username, DemoProvince.PASSWORD);
  }

  private String base() {
    return Chromium.base(server);
  }

  private void screenshot(String name) throws Exception {
    Chromium.screenshot(browser, name);
  }
}
