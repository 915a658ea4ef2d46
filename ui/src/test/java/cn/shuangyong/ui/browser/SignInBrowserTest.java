package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
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

  @Inject EmbeddedServer server;
  @Inject ApplicationContext context;
  private ChromeDriver browser;
  private Tenant city;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeEach
  void setUp() {
    Optional<String> unavailable = Chromium.unavailableReason();
    Assumptions.assumeTrue(
        unavailable.isEmpty(), () -> "browser test skipped: " + unavailable.get());
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region(PROVINCE, AdministrativeLevel.PROVINCE, null);
    city = fixtures.tenant(CITY, PROVINCE);
    fixtures.user(ADMIN, Role.CITY_ADMIN, CITY, null, null, null);
    browser = Chromium.start();
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
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement username =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    username.sendKeys(ADMIN);
    browser
        .findElement(By.cssSelector("input[name='password']"))
        .sendKeys(PlatformFixtures.PASSWORD);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();

    WebElement cityName =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("city-name")));
    assertThat(cityName.getText()).isEqualTo(city.name());
    assertThat(browser.findElement(By.id("current-user")).getText()).contains(city.name());
    assertThat(browser.findElements(By.cssSelector("vaadin-side-nav-item")))
        .extracting(WebElement::getText)
        .contains("首页")
        .doesNotContain("城市管理", "审计");
    screenshot(browser, "dashboard.png");

    browser.get(base() + "tenants");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "无权访问"));
  }

  @Test
  void aWrongPasswordIsRefusedOnTheLoginForm() {
    browser.get(base() + "login");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(ADMIN);
    browser.findElement(By.cssSelector("input[name='password']")).sendKeys("Wrong@2026x");
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户名或密码错误"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  private String base() {
    return "http://localhost:" + server.getPort() + "/";
  }

  private static void screenshot(WebDriver browser, String name) throws Exception {
    Path directory = Path.of("target", "screenshots");
    Files.createDirectories(directory);
    Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
