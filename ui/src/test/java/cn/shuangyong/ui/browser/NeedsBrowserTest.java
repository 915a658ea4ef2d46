package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 双清单 end to end in a real browser: Pinghu's garrison liaison submits a need from a phone-sized
 * window, the city office finds it on the board and accepts it on the detail page; the office
 * imports a year's list (a bad row first, then the corrected list) and accepts it in bulk.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedsBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void aLiaisonSubmitsOnAPhoneAndTheOfficeAcceptsIt() throws Exception {
    String title = "周末班车-" + System.nanoTime() % 1_000_000;

    // the liaison, on a phone
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn("pinghu.liaison");
    browser.get(base() + "needs/new");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#need-title input")))
        .sendKeys(title);
    // the form refuses a need without a category, in Chinese, before anything is sent (the form
    // with its photos is taller than a phone: the button is scrolled to first)
    WebElement submit = browser.findElement(By.id("submit-need-button"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", submit);
    submit.click();
    wait.until(ExpectedConditions.attributeToBe(By.id("need-category"), "invalid", "true"));
    choose("need-category", "官兵出行");
    browser
        .findElement(By.cssSelector("#need-description textarea"))
        .sendKeys("官兵周末往返市区，希望开通营区至市区的直通班车");
    WebElement form = browser.findElement(By.id("submit-need"));
    assertThat(form.getRect().getWidth()).isLessThanOrEqualTo(390);
    screenshot("needs-liaison-form.png");
    // the category overlay may still be closing over the button on a phone: click once it is not
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              WebElement button = driver.findElement(By.id("submit-need-button"));
              browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
              button.click();
              return true;
            });

    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-status"), "已提交"));
    // a liaison may not accept: no action buttons for it on a submitted need
    assertThat(browser.findElements(By.id("action-accept"))).isEmpty();
    screenshot("needs-liaison-submitted.png");

    browser.get(base() + "needs/mine");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-need-cards"), title));
    screenshot("needs-liaison-mine.png");

    // the city office, on a desktop
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1280, 900));
    signIn("pinghu.staff");
    browser.get(base() + "needs");
    By row = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + title + "']");
    By sample = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='环境治理志愿服务（示例）']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    wait.until(ExpectedConditions.visibilityOfElementLocated(sample));
    screenshot("needs-board.png");
    // the text search narrows the board to the new need: the demo's sample needs leave it
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#filter-search input")))
        .sendKeys(title);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(sample));
    screenshot("needs-board-search.png");
    browser.findElement(row).click();

    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("action-accept"))).click();
    String date = LocalDate.now().plusMonths(3).toString();
    fillAcceptDialog("交通运输局", date);
    screenshot("needs-staff-accept-dialog.png");
    browser.findElement(By.id("accept-dialog-ok")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-status"), "已受理"));
    // who did it by display name (issue 9), the login name only in the tooltip
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-history"), "平湖市双拥办工作人员"));
    assertThat(browser.findElement(By.id("need-history")).getText()).doesNotContain("pinghu.staff");
    assertThat(browser.findElement(By.id("need-detail")).getText()).contains("交通运输局");
    screenshot("needs-staff-accepted.png");

    // the year's printable list shows the accepted need with its responsible unit and deadline
    browser.get(base() + "needs/print?year=" + LocalDate.now().getYear() + "&direction=FOR_TROOPS");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-print"), title));
    String printed = browser.findElement(By.id("need-print")).getText();
    assertThat(printed)
        .contains("年度拥军优属清单")
        .contains("交通运输局")
        .contains(date)
        .doesNotContain("拥政爱民清单")
        // the list the office signs: the issuing office, a place for its seal, the date
        .contains("平湖市双拥办（盖章）")
        .contains("印发日期：");
    // a date is never cut mid-word (2026-12-/21): its cell is kept on one line
    assertThat(
            browser
                .findElement(By.xpath("//td[normalize-space(.)='" + date + "']"))
                .getAttribute("class"))
        .contains("one-line");
    screenshot("needs-print.png");
  }

  /**
   * 不满意 in the liaison's confirm dialog (issue 9 item 3): the toast and the history say 退回重办, never
   * 确认销号, and the progress shown is the unit's last report, not 100 %.
   */
  @Test
  void anUnsatisfiedLiaisonSendsTheNeedBackForRework() throws Exception {
    String need = "/api/v1/tenants/pinghu/needs";
    Api api = new Api(server, json);
    String liaison = api.login("pinghu.liaison", DemoProvince.PASSWORD);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    String handler = api.login("pinghu.handler", DemoProvince.PASSWORD);
    String title = "营区路灯-" + System.nanoTime() % 1_000_000;
    String id =
        api.post(
                need,
                Map.of(
                    "direction", "FOR_TROOPS",
                    "title", title,
                    "description", "营区道路夜间照明不足",
                    "category", "营区建设"),
                liaison)
            .string("id");
    String unit = api.get("/api/v1/me", handler).string("responsibleUnitId");
    api.post(
        need + "/" + id + "/accept",
        Map.of(
            "responsibleUnitId",
            Long.parseLong(unit),
            "deadline",
            LocalDate.now().plusDays(30).toString(),
            "level",
            "CITY"),
        staff);
    api.post(need + "/" + id + "/progress", Map.of("percent", 60), handler);
    assertThat(
            api.post(need + "/" + id + "/complete", Map.of("note", "已更换灯具"), handler)
                .string("status"))
        .isEqualTo("COMPLETED");

    signIn("pinghu.liaison");
    browser.get(base() + "needs/" + id);
    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("action-confirm"))).click();
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver
                  .findElement(
                      By.xpath(
                          "//*[@id='confirm-satisfaction']//vaadin-radio-button[normalize-space(.)='不满意']"))
                  .click();
              return true;
            });
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.id("confirm-dialog-ok")).click();
              return true;
            });

    WebElement toast =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-notification-card")));
    assertThat(toast.getText()).contains("退回重办").contains("办理中").doesNotContain("确认销号");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-status"), "办理中"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("need-history"), "退回重办"));
    assertThat(browser.findElement(By.id("need-history")).getText()).doesNotContain("确认销号");
    assertThat(browser.findElement(By.id("need-percent")).getText()).isEqualTo("60%");
  }

  @Test
  void theOfficeImportsAListCorrectsItAndAcceptsItInBulk() throws Exception {
    String tag = "导入" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(1280, 900));
    signIn("pinghu.staff");
    browser.get(base() + "needs");

    // a list with one bad row: the dialog names the row, and nothing of the list is saved
    upload(list(tag, List.of("横向", "", "不存在的类别", "", "", "", "", "")));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[contains(., '第 4 行')]")));
    screenshot("needs-import-errors.png");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='关闭']")))
        .click();

    // the corrected list, uploaded again from the same board
    upload(list(tag));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#filter-search input")))
        .sendKeys(tag);
    By lights = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + tag + "-营区照明']");
    By school = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + tag + "-子女入学']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(school));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//vaadin-grid-cell-content[normalize-space(.)='环境治理志愿服务（示例）']")));
    assertThat(browser.findElements(lights)).hasSize(1);

    // 批量受理 of both
    List<WebElement> boxes =
        browser.findElements(By.cssSelector("#needs-grid vaadin-checkbox")).stream()
            .filter(WebElement::isDisplayed)
            .filter(box -> !"true".equals(box.getDomAttribute("hidden")))
            .filter(
                box ->
                    box.getDomAttribute("aria-label") == null
                        || !box.getDomAttribute("aria-label").toLowerCase().contains("all"))
            .toList();
    assertThat(boxes).hasSize(2);
    boxes.forEach(WebElement::click);
    browser.findElement(By.id("bulk-accept")).click();
    fillAcceptDialog("交通运输局", LocalDate.now().plusMonths(2).toString());
    browser.findElement(By.id("accept-dialog-ok")).click();
    wait.until(
        driver ->
            driver
                    .findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='已受理']"))
                    .stream()
                    .filter(WebElement::isDisplayed)
                    .count()
                == 2);
    screenshot("needs-bulk-accepted.png");
  }

  /**
   * The downloadable template filled in as an office would: two good FOR_TROOPS rows of {@code tag}
   * over the example row, then {@code more}.
   */
  @SafeVarargs
  private Path list(String tag, List<String>... more) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("拥军优属", tag + "-营区照明", "营区建设", "驻平陆军某部（示例）", "路灯 40 盏", "", "集中征集", ""));
    rows.add(List.of("拥军优属", tag + "-子女入学", "子女入学", "驻平陆军某部（示例）", "", "", "座谈走访", ""));
    rows.addAll(List.of(more));
    Api api = new Api(server, json);
    byte[] template =
        api.download(
                "/api/v1/tenants/pinghu/needs/import-template",
                api.login("pinghu.staff", DemoProvince.PASSWORD))
            .body();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      Path file = Files.createTempFile("shuangqingdan-", ".xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
      return file;
    }
  }

  /** Hands a file to the board's import (the upload's own file input). */
  private void upload(Path file) {
    WebElement input = fileInput("import-needs");
    input.sendKeys(file.toString());
  }

  /** 受理 dialog of a FOR_TROOPS need: the responsible unit by name and the deadline. */
  private void fillAcceptDialog(String unitName, String isoDate) {
    WebElement unit =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#accept-responsible-unit input")));
    unit.sendKeys(unitName);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-combo-box-item[contains(., '" + unitName + "')]")))
        .click();
    // the date picker's value is ISO whatever the locale shows; set it as the picker would
    WebElement deadline = browser.findElement(By.id("accept-deadline"));
    browser.executeScript("arguments[0].value = arguments[1];", deadline, isoDate);
    wait.until(
        driver -> !deadline.findElement(By.tagName("input")).getDomProperty("value").isEmpty());
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
