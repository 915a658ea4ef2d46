package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.platform.testing.Api.Answer;
import cn.shuangyong.platform.testing.Workbooks;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 双拥工作经费 end to end in a real browser: Pinghu's city admin sets the year's budget, records an
 * expenditure on a line, sees it in the ledger without a voucher, uploads its voucher and sees it
 * evidenced; the lines show budget, spent and remaining beside the chart drawn on the server as SVG
 * with Chinese labels; a large ledger is imported while the screen shows how far its check has got.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetsBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void theAdminBudgetsTheYearRecordsAnExpenditureAndEvidencesItWithAVoucher() throws Exception {
    String payee = "驻平某部-" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(1400, 1000));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.admin", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "budgets");
    click(By.id("budget-set"));
    // the first two categories (慰问, 基础设施): above the demo's spending, room for every run
    amount("budget-amount-0", "1500000.00");
    amount("budget-amount-1", "900000.00");
    click(By.id("budget-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("budget-form")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("budget-lines"), "1,500,000.00"));

    click(By.id("expenditure-new"));
    setDate("expenditure-date", LocalDate.now().toString());
    pick("expenditure-category", "慰问");
    browser.findElement(By.cssSelector("#expenditure-amount input")).sendKeys("1234.56");
    browser.findElement(By.cssSelector("#expenditure-payee input")).sendKeys(payee);
    browser.findElement(By.cssSelector("#expenditure-purpose textarea")).sendKeys("春节走访慰问");
    click(By.id("expenditure-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("expenditure-form")));

    By row = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + payee + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    click(By.cssSelector(".voucher-open"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("voucher-evidenced"), "无凭证"));
    Path voucher = Files.createTempDirectory("voucher-").resolve("下拨凭证.pdf");
    Files.write(
        voucher,
        "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII));
    fileInput("voucher-upload").sendKeys(voucher.toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("voucher-evidenced"), "有凭证"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("voucher-files"), "下拨凭证.pdf"));
    Chromium.screenshot(browser, "budgets-voucher.png");
    click(By.id("voucher-close"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("voucher-dialog")));

    WebElement chart = browser.findElement(By.cssSelector("#budget-chart svg"));
    assertThat(chart.getText()).contains("慰问").contains("基础设施");
    assertThat(browser.findElement(By.id("budget-summary")).getText()).contains("执行率");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-grid"), "有凭证"));
    assertThat(browser.findElements(By.id("ledger-import"))).as("the office imports").hasSize(1);
    Chromium.screenshot(browser, "budgets.png");
  }

  /**
   * A ledger of 6,000 rows (Hangzhou's, so Pinghu's stays as the other test expects it): while it
   * is checked off the UI thread a dialog says how far the check has got, row by row of all, then
   * that the rows are saved; then the count, and the ledger has them all.
   */
  @Test
  void aLargeLedgerIsImportedWhileTheScreenShowsHowFarTheCheckHasGot() throws Exception {
    int rows = 6000;
    int year = LocalDate.now(ChinaTime.ZONE).getYear();
    String tenant = "/api/v1/tenants/hangzhou";
    Api api = new Api(server, json);
    String admin = api.login("hangzhou.admin", DemoProvince.PASSWORD);
    Answer budget =
        api.put(
            tenant + "/budgets/" + year,
            Map.of("lines", List.of(Map.of("category", "慰问", "amount", "90000000.00"))),
            admin);
    assertThat(budget.status()).as(budget.text()).isEqualTo(200);
    long before = Long.parseLong(api.get(tenant + "/expenditures?size=1", admin).string("total"));
    List<List<String>> ledger = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String day = LocalDate.of(year, 1 + i % 12, 1 + i % 28).toString();
      ledger.add(List.of(day, "慰问", "1.00", "驻杭某部", "慰问品第 " + (i + 1) + " 批", ""));
    }
    byte[] file =
        Workbooks.filled(
            api.download(tenant + "/expenditures/import-template", admin).body(),
            List.of("支出日期", "经费类别", "金额（元）", "收款单位（人）", "用途", "超支理由"),
            ledger);
    Path upload = Files.createTempDirectory("ledger-").resolve("杭州台账.xlsx");
    Files.write(upload, file);

    browser.manage().window().setSize(new Dimension(1400, 1000));
    Chromium.signIn(browser, Chromium.base(server), "hangzhou.admin", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "budgets");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ledger-import")));
    // every text the progress shows, as the page shows it (a wait could miss one between polls)
    browser.executeScript(
        "window.progressSeen = [];"
            + "const note = el => { if (el && el.id === 'import-progress-text' && el.textContent"
            + "  && window.progressSeen.at(-1) !== el.textContent)"
            + "  window.progressSeen.push(el.textContent); };"
            + "new MutationObserver(records => records.forEach(r => {"
            + "  note(r.target.nodeType === 3 ? r.target.parentElement : r.target);"
            + "  r.addedNodes.forEach(n => { if (n.nodeType === 1) {"
            + "    note(n); n.querySelectorAll('#import-progress-text').forEach(note); } });"
            + "})).observe(document.body, {subtree: true, childList: true, characterData: true});");
    fileInput("ledger-import").sendKeys(upload.toString());
    new PageWait(browser, Duration.ofSeconds(120))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "已导入 6,000 笔支出"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("import-progress")));

    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) browser.executeScript("return window.progressSeen;");
    // what a poll brings is the latest of its stage: the check of 6,000 rows may pass between two
    // polls (BudgetApiTest counts every report the service gives); the file's reading and the
    // saving take longest and are shown
    assertThat(seen)
        .as("the dialog said where the import had got")
        .startsWith("正在读取文件…")
        .endsWith("已检查全部 6,000 行，正在保存…")
        .allSatisfy(
            text ->
                assertThat(text).matches("正在读取文件…|正在检查：第 [0-9,]+ 行，共 6,000 行|已检查全部 6,000 行，正在保存…"));
    assertThat(Long.parseLong(api.get(tenant + "/expenditures?size=1", admin).string("total")))
        .isEqualTo(before + rows);
  }

  /**
   * The province's supervisor chooses 平湖市 among its cities and reads its budget, chart and ledger,
   * with no button that would write.
   */
  @Test
  void aSupervisorChoosesACityAndReadsItsBudgetWithoutWriting() {
    browser.manage().window().setSize(new Dimension(1400, 1000));
    Chromium.signIn(browser, Chromium.base(server), "zj.supervisor", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "budgets");
    choose("budget-city", "平湖市");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("budget-lines"), "慰问"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#budget-chart svg")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-grid"), "凭证"));
    assertThat(browser.findElement(By.id("budget-summary")).getText()).contains("执行率");
    for (String write : List.of("budget-set", "expenditure-new", "ledger-import")) {
      assertThat(browser.findElements(By.id(write))).as(write).isEmpty();
    }
  }

  private void amount(String id, String value) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value, Keys.TAB);
  }

  /** A combo box's item by its name (Tab closes its overlay; Escape would close the dialog). */
  private void pick(String id, String text) {
    WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
    input.sendKeys(text);
    By item = By.xpath("//vaadin-combo-box-item[contains(., '" + text + "')]");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(item).click();
              return true;
            });
    input.sendKeys(Keys.TAB);
  }

  /** The date picker's value is ISO whatever the locale shows; set it as the picker would. */
  private void setDate(String id, String isoDate) {
    WebElement picker = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    browser.executeScript("arguments[0].value = arguments[1];", picker, isoDate);
    wait.until(
        driver -> !picker.findElement(By.tagName("input")).getDomProperty("value").isEmpty());
  }

  private void click(By target) {
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(target).click();
              return true;
            });
  }
}
