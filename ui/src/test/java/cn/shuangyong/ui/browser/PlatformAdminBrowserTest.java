package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The platform admin (demo account) creates a city from the UI; then switches to English. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformAdminBrowserTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ApplicationContext context;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeEach
  void setUp() {
    browser = Chromium.startOrSkip();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theAdminCreatesACityWithInlineValidationAndProgress() throws Exception {
    signIn("admin");
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .containsExactly("首页", "城市管理", "审计");
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
        .containsExactly("首页", "辖区城市", "双清单");
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
