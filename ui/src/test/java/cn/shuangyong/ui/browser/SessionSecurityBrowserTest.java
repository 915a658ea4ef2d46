package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.PlatformFixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The UI works under the Content-Security-Policy (no violation in the browser's console across
 * sign-in, the dashboard, a grid and a dialog), and a deep link opened while signed out lands on
 * its page after sign-in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecurityBrowserTest extends BrowserTest {
  private static final String CITY = "cspcity";
  private static final String ADMIN = "csp.admin";

  @Inject ApplicationContext context;

  @BeforeAll
  void fixtures() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("cspprov", CITY);
    fixtures.user(ADMIN, Role.CITY_ADMIN, CITY, null, null, null);
  }

  @Test
  void theUiRunsUnderTheContentSecurityPolicyWithoutViolations() {
    String base = Chromium.base(server);
    Chromium.signIn(browser, base, ADMIN, PlatformFixtures.PASSWORD);
    browser.get(base + "garrison-units");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("garrison-units")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid")));
    browser.get(base + "needs");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid")));

    List<String> violations =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(
                message ->
                    message.toLowerCase(Locale.ROOT).contains("content security policy")
                        || message.contains("Refused to"))
            .toList();
    assertThat(violations).isEmpty();
    Object policy =
        browser.executeScript(
            "return fetch(location.href).then(r => r.headers.get('content-security-policy'))");
    assertThat(String.valueOf(policy)).contains("default-src 'self'");
  }

  @Test
  void aDeepLinkOpenedWhileSignedOutLandsOnItsPageAfterSignIn() {
    String base = Chromium.base(server);
    browser.get(base + "garrison-units");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(ADMIN);
    browser
        .findElement(By.cssSelector("input[name='password']"))
        .sendKeys(PlatformFixtures.PASSWORD);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("garrison-units")));
    assertThat(browser.getCurrentUrl()).endsWith("/garrison-units");
  }
}
