package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 撤回 in a real browser: the liaison takes back a need the office has not decided on yet, after a
 * confirmation; the detail shows 已撤回 and the history line, and the button is gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithdrawBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void aLiaisonWithdrawsItsStillSubmittedNeed() {
    Api api = new Api(server, json);
    String liaison = api.login("pinghu.liaison", DemoProvince.PASSWORD);
    String title = "营区绿化-" + System.nanoTime() % 1_000_000;
    String id =
        api.post(
                "/api/v1/tenants/pinghu/needs",
                Map.of(
                    "direction", "FOR_TROOPS",
                    "title", title,
                    "description", "营区空地绿化",
                    "category", "营区建设"),
                liaison)
            .string("id");

    Chromium.signIn(browser, Chromium.base(server), "pinghu.liaison", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "needs/" + id);
    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("action-withdraw"))).click();
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.id("confirm-withdraw")).click();
              return true;
            });

    WebElement toast =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-notification-card")));
    assertThat(toast.getText()).contains("撤回").contains("已撤回");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-status"), "已撤回"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-history"), "撤回"));
    assertThat(browser.findElements(By.id("action-withdraw"))).isEmpty();
  }
}
