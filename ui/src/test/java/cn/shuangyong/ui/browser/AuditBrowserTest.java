package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 11, the audit view: Pinghu's city admin filters its city's trail by action and result,
 * opens the detail of an account change and reads the account before and after side by side with
 * the changed field marked, and exports the same events as an Excel workbook.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void aCityAdminFiltersOpensAnAccountChangeAndExports() throws Exception {
    String username = "audited." + System.nanoTime() % 1_000_000;
    renamed(username, "改名之前", "改名之后");

    Chromium.signIn(browser, base(), "pinghu.admin", DemoProvince.PASSWORD);
    browser.get(base() + "audit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
    // a city admin reads one city: no city filter
    assertThat(browser.findElements(By.id("audit-tenant"))).allMatch(e -> !e.isDisplayed());
    pickInComboBox("audit-action", "修改账号");
    pickInComboBox("audit-result", "成功");
    By row = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='user:" + username + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    List<String> cells =
        browser.findElements(By.cssSelector("#audit-grid vaadin-grid-cell-content")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(cells)
        .contains("修改账号", "成功", "平湖市")
        .doesNotContain("ACCOUNT_UPDATE", "SUCCESS", "登录");
    Chromium.screenshot(browser, "audit-view.png");

    // the row's detail button: the cell after the target's in the same row
    WebElement open =
        browser.findElement(
            By.xpath(
                "//vaadin-grid-cell-content[normalize-space(.)='user:"
                    + username
                    + "']/following-sibling::vaadin-grid-cell-content"
                    + "//vaadin-button[contains(@class,'audit-open')]"));
    open.click();
    WebElement dialog =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-changes")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//span[contains(@class,'audit-before') and normalize-space(.)='改名之前']")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//span[contains(@class,'audit-after') and normalize-space(.)='改名之后']")));
    List<WebElement> changed = browser.findElements(By.cssSelector(".audit-field-changed"));
    assertThat(changed).extracting(WebElement::getText).anyMatch(text -> text.contains("姓名"));
    assertThat(changed).extracting(WebElement::getText).noneMatch(text -> text.contains("角色"));
    assertThat(dialog.isDisplayed()).isTrue();
    assertThat(browser.findElements(By.xpath("//span[normalize-space(.)='138****5678']")))
        .isNotEmpty();
    assertThat(browser.getPageSource()).doesNotContain("13812345678", "{\"before\"");
    Chromium.screenshot(browser, "audit-detail.png");
    browser.findElement(By.id("audit-detail-close")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("audit-changes")));

    // the export: the link's workbook, fetched with the browser's own session
    String href = browser.findElement(By.id("audit-export")).getDomAttribute("href");
    Object answer =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done("
                + " [r.status, r.headers.get('content-type') || '',"
                + " String.fromCharCode(...new Uint8Array(b).slice(0, 2)), b.byteLength])))"
                + ".catch(e => done(['error', String(e)]));",
            href);
    List<?> download = (List<?>) answer;
    assertThat(download.get(0)).as(String.valueOf(download)).isEqualTo(200L);
    assertThat((String) download.get(1)).contains("spreadsheetml");
    assertThat(download.get(2)).isEqualTo("PK"); // an .xlsx is a zip
  }

  /** Pinghu's admin creates a liaison named {@code before} and renames it {@code after}. */
  private void renamed(String username, String before, String after) {
    Api api = new Api(server, json);
    String admin = api.login("pinghu.admin", DemoProvince.PASSWORD);
    Answer units = api.get("/api/v1/tenants/pinghu/garrison-units?size=1", admin);
    Object unit = units.items().get(0).get("id");
    Map<String, Object> form = new HashMap<>();
    form.put("username", username);
    form.put("displayName", before);
    form.put("roles", List.of("GARRISON_LIAISON"));
    form.put("garrisonUnitId", unit);
    form.put("phone", "13812345678");
    Answer created = api.post("/api/v1/tenants/pinghu/users", form, admin);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    form.remove("username");
    form.put("displayName", after);
    Answer changed = api.put("/api/v1/tenants/pinghu/users/" + created.string("id"), form, admin);
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
  }

  /** Types {@code label} into the combo box and picks the item of that name. */
  private void pickInComboBox(String id, String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")))
        .sendKeys(label);
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver
                  .findElement(
                      By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + label + "']"))
                  .click();
              return true;
            });
    wait.until(
        ExpectedConditions.attributeToBe(By.cssSelector("#" + id + " input"), "value", label));
  }

  private String base() {
    return Chromium.base(server);
  }
}
