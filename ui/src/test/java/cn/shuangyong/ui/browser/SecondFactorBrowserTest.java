package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The second factor in the browser: a supervisor, whose role the operator requires a factor for,
 * signs in and is held on the profile page; it enrols reading the key off the page (the QR code is
 * shown beside it), computes the code with the library, confirms, and may go anywhere; signs out;
 * signs in again: after the password the login asks for the code, a wrong one is refused on the
 * spot and a computed one signs in; the removal dialog refuses, the role requiring the factor.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorBrowserTest extends BrowserTest {
  @Inject ApplicationContext context;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.security.totp.required-roles", "SUPERVISOR");
    return properties;
  }

  private static String codeAt(String secret, long step) throws Exception {
    return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
  }

  private static long currentStep() {
    return Math.floorDiv(Instant.now().getEpochSecond(), 30);
  }

  @Test
  void aRequiredRoleEnrolsOnTheProfilePageAndThenSignsInWithAComputedCode() throws Exception {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.region("totpb", AdministrativeLevel.PROVINCE, null);
    String username = "totp.sup" + System.nanoTime() % 1_000_000;
    fixtures.user(username, Role.SUPERVISOR, null, "totpb", null, null);
    String base = Chromium.base(server);

    browser.get(base + "login");
    signInWithPassword(username);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-required")));
    browser.get(base + "audit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-required")));

    wait.until(ExpectedConditions.elementToBeClickable(By.id("totp-begin"))).click();
    String secret =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(browser.findElement(By.id("totp-qr")).getAttribute("src"))
        .startsWith("data:image/svg+xml;base64,");
    Chromium.screenshot(browser, "totp-enrolment.png");
    long confirmStep = currentStep();
    browser
        .findElement(By.cssSelector("#totp-confirm-code input"))
        .sendKeys(codeAt(secret, confirmStep));
    browser.findElement(By.id("totp-confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
    signInWithPassword(username);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-step")));
    String right = codeAt(secret, confirmStep + 1);
    String wrong = right.equals("000000") ? "111111" : "000000";
    browser.findElement(By.cssSelector("#totp-code input")).sendKeys(wrong);
    browser.findElement(By.id("totp-submit")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("totp-code"), "invalid", "true"));
    assertThat(browser.findElements(By.id("dashboard"))).isEmpty();
    browser.findElement(By.cssSelector("#totp-code input")).sendKeys(right);
    browser.findElement(By.id("totp-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    browser.get(base + "profile");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-remove")));
    assertThat(browser.findElements(By.id("totp-secret"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(secret);

    // its role requires the factor: the removal dialog refuses and the factor stays on
    browser.findElement(By.id("totp-remove")).click();
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#totp-remove-code input")))
        .sendKeys(codeAt(secret, confirmStep + 2));
    browser.findElement(By.id("totp-remove-confirm")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-notification-card[contains(., '不能自行停用')]")));
    browser.get(base + "profile");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-remove")));
  }

  private void signInWithPassword(String username) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(username);
    browser
        .findElement(By.cssSelector("input[name='password']"))
        .sendKeys(PlatformFixtures.PASSWORD);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
  }
}
