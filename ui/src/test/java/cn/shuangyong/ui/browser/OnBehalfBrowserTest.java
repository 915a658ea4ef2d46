package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 代为办结 in a real browser: city staff see their own, clearly named button instead of the unit's 办结,
 * must say why, and the history names the step, the staff member and the unit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnBehalfBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void staffCompleteANeedOnTheUnitsBehalfWithAReason() {
    String needs = "/api/v1/tenants/pinghu/needs";
    Api api = new Api(server, json);
    String liaison = api.login("pinghu.liaison", DemoProvince.PASSWORD);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    String handler = api.login("pinghu.handler", DemoProvince.PASSWORD);
    String title = "营区饮水-" + System.nanoTime() % 1_000_000;
    String id =
        api.post(
                needs,
                Map.of(
                    "direction", "FOR_TROOPS",
                    "title", title,
                    "description", "营区饮水设备更新",
                    "category", "营区建设"),
                liaison)
            .string("id");
    String unit = api.get("/api/v1/me", handler).string("responsibleUnitId");
    api.post(
        needs + "/" + id + "/accept",
        Map.of(
            "responsibleUnitId",
            Long.parseLong(unit),
            "deadline",
            LocalDate.now().plusDays(30).toString(),
            "level",
            "CITY"),
        staff);
    String unitName = api.get(needs + "/" + id, staff).string("responsibleUnitName");

    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "needs/" + id);
    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("action-complete_on_behalf")));
    assertThat(browser.findElement(By.id("action-complete_on_behalf")).getText()).isEqualTo("代为办结");
    assertThat(browser.findElements(By.id("action-complete")))
        .as("not the unit's button")
        .isEmpty();
    assertThat(browser.findElements(By.id("action-progress"))).isEmpty();
    browser.findElement(By.id("action-complete_on_behalf")).click();

    // no reason: refused on the field, nothing sent
    clickWhenFree("complete-on-behalf-dialog-ok");
    wait.until(ExpectedConditions.attributeToBe(By.id("on-behalf-note"), "invalid", "true"));
    browser.findElement(By.cssSelector("#on-behalf-note textarea")).sendKeys("承办单位账号停用，电话确认已完成");
    clickWhenFree("complete-on-behalf-dialog-ok");

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-status"), "已办结"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-history"), "代为办结"));
    assertThat(browser.findElement(By.id("need-history")).getText())
        .contains("代" + unitName)
        .contains("承办单位账号停用，电话确认已完成");
  }

  private void clickWhenFree(String id) {
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.id(id)).click();
              return true;
            });
  }
}
