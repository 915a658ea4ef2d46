package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 显示 in a real browser: the garrison units grid shows a contact phone masked; city staff press 显示
 * beside it and see the whole number in place, recorded in the audit trail as
 * PERSONAL_DATA_UNMASKED.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactUnmaskBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void cityStaffShowTheWholeNumberOfAMaskedPhoneAndTheViewingIsAudited() throws Exception {
    Api api = new Api(server, json);
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    String name = "驻平显示某部-" + System.nanoTime() % 1_000_000;
    String id =
        api.post(
                "/api/v1/tenants/pinghu/garrison-units",
                Map.of(
                    "name", name,
                    "branch", "ARMY",
                    "contactName", "显示测试",
                    "contactPhone", "13912345566"),
                admin)
            .string("id");

    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "garrison-units");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#unit-search input")))
        .sendKeys(name);
    // the search has refreshed the grid (a click before that would land on a row it replaces)
    wait.until(
        driver ->
            Long.valueOf(1)
                .equals(
                    ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return document.querySelector('vaadin-grid').size")));
    By phone = By.id("contact-phone-" + id);
    wait.until(ExpectedConditions.textToBe(phone, "139****5566"));
    assertThat(browser.getPageSource()).doesNotContain("13912345566");
    assertThat(unmaskings(id)).isZero();

    wait.until(ExpectedConditions.elementToBeClickable(By.id("show-contact-" + id))).click();

    try {
      wait.until(ExpectedConditions.textToBe(phone, "13912345566"));
    } catch (org.openqa.selenium.TimeoutException e) {
      Chromium.screenshot(browser, "contact-unmask-failed");
      throw e;
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("show-contact-" + id)));
    assertThat(unmaskings(id)).isEqualTo(1);
  }

  private static long unmaskings(String unitId) throws Exception {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            c.prepareStatement(
                "select count(*) from platform.audit_event where action = 'PERSONAL_DATA_UNMASKED'"
                    + " and target = ? and username = 'pinghu.staff' and tenant_code = 'pinghu'")) {
      select.setString(1, "garrison-unit:" + unitId);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
