package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.security.TokenService;
import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Accounts end to end: Pinghu's city admin creates a garrison liaison bound to a garrison unit and
 * reads its one-time password off the hand-over slip; the liaison signs in, is held on the password
 * change until it has changed it, then submits a need.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsBrowserTest extends BrowserTest {
  @Inject JsonMapper json;
  @Inject TokenService tokens;

  @Test
  void aCityAdminCreatesALiaisonWhoIsForcedToChangeThePasswordAndThenSubmitsANeed()
      throws Exception {
    String username = "liaison." + System.nanoTime() % 1_000_000;
    Chromium.signIn(browser, base(), "pinghu.admin", DemoProvince.PASSWORD);
    browser.get(base() + "accounts");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("create-account"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#account-username input")))
        .sendKeys(username);
    browser.findElement(By.cssSelector("#account-display-name input")).sendKeys("测试联络员");
    browser
        .findElement(
            By.xpath(
                "//vaadin-checkbox[@id][.//label[normalize-space(.)='驻军联络员']]"
                    + " | //vaadin-checkbox[normalize-space(.)='驻军联络员']"))
        .click();
    browser.findElement(By.cssSelector("#account-garrison-unit input")).sendKeys("驻平陆军");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.xpath("//vaadin-combo-box-item[contains(., '驻平陆军')]")).click();
              return true;
            });
    browser.findElement(By.id("save-account")).click();
    String initial =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("initial-password")))
            .getText();
    assertThat(initial).hasSizeGreaterThanOrEqualTo(12);
    Chromium.screenshot(browser, "accounts-hand-over-slip.png");
    browser.findElement(By.id("close-slip")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + username + "']")));

    // the liaison's first sign-in
    browser.manage().deleteAllCookies();
    browser.get(base() + "login");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(username);
    browser.findElement(By.cssSelector("input[name='password']")).sendKeys(initial);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-forced")));
    browser.get(base() + "needs/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-forced")));
    assertThat(browser.findElements(By.id("submit-need"))).isEmpty();
    browser.findElement(By.cssSelector("#current-password input")).sendKeys(initial);
    browser.findElement(By.cssSelector("#new-password input")).sendKeys("Lianluo@2026");
    browser.findElement(By.cssSelector("#new-password-again input")).sendKeys("Lianluo@2026");
    browser.findElement(By.id("save-password")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

    // now a need
    String title = "训练场饮水-" + System.nanoTime() % 1_000_000;
    browser.get(base() + "needs/new");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#need-title input")))
        .sendKeys(title);
    choose("need-category", "官兵出行");
    browser.findElement(By.cssSelector("#need-description textarea")).sendKeys("训练场夏季饮水保障");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.id("submit-need-button")).click();
              return true;
            });
    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));

    // disabled by the city admin: this browser's session ends at once
    Api api = new Api(server, json);
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    Object id =
        api.get("/api/v1/tenants/pinghu/users?q=" + username, admin).items().get(0).get("id");
    assertThat(
            api.post("/api/v1/tenants/pinghu/users/" + id + "/disable", Map.of(), admin).status())
        .isEqualTo(200);
    browser.get(base() + "needs/mine");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
  }

  /**
   * An account's sessions ended on another node (as when its admin disables it there): no event of
   * this node's reaches the open tab, only the shared revocation list does, and the tab's next
   * click lands on the login.
   */
  @Test
  void aTabOpenHereIsSignedOutWhenTheAccountsSessionsAreEndedOnAnotherNode() {
    Api api = new Api(server, json);
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    String username = "staff." + System.nanoTime() % 1_000_000;
    Api.Answer created =
        api.post(
            "/api/v1/tenants/pinghu/users",
            Map.of("username", username, "displayName", "跨节点测试", "roles", List.of("CITY_STAFF")),
            admin);
    assertThat(created.status()).isEqualTo(201);
    String initial = created.string("initialPassword");
    String first = api.login(username, initial);
    assertThat(
            api.post(
                    "/api/v1/me/password",
                    Map.of("currentPassword", initial, "newPassword", "Kuajiedian@2026"),
                    first)
                .status())
        .isEqualTo(204);

    Chromium.signIn(browser, base(), username, "Kuajiedian@2026");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    // what the other node does: PostgreSQL and the revocation list, no event of this node
    tokens.revokeAllOf(Long.parseLong(created.string("id")), null, null);

    wait.until(ExpectedConditions.elementToBeClickable(By.id("notification-bell"))).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
    browser.get(base() + "needs");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
  }

  private String base() {
    return Chromium.base(server);
  }
}
