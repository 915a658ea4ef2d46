package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.fund.api.FundRules;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 帮扶基金 end to end in a real browser: Pinghu's staff records an application through the form (the
 * masked ID number shows in the grid), passes the town review after confirming it; the city admin
 * records money into the fund, approves the amount, pays it, shows the applicant's ID number in
 * full (audited), and the timeline shows every step while the cards show the balance.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundBrowserTest extends BrowserTest {

  @Test
  void aGrantGoesFromTheApplicationFormToPayment() throws Exception {
    long run = System.nanoTime() % 1_000_000;
    String applicant = "测试申请人" + run;
    String first = "330482" + "1971" + "0405" + String.format("%03d", run % 1000);
    String idNumber = first + FundRules.checkCharacter(first);
    browser.manage().window().setSize(new Dimension(1400, 1000));
    String base = Chromium.base(server);
    Chromium.signIn(browser, base, "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(base + "fund");
    click(By.id("grant-new"));
    type("#grant-applicant-name input", applicant);
    choose("grant-applicant-type", "烈士遗属");
    type("#grant-id-number input", idNumber);
    type("#grant-phone input", "13957312345");
    type("#grant-household-size input", "3");
    type("#grant-income input", "21000");
    type("#grant-requested input", "3000");
    type("#grant-reason textarea", "家中老人重病住院，医疗费用负担重");
    click(By.id("grant-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("grant-form")));
    By row = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + applicant + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    assertThat(browser.findElement(By.id("grant-grid")).getText())
        .contains(masked)
        .doesNotContain(idNumber);
    click(row);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant-status"), "待审核"));
    String detail = browser.getCurrentUrl();
    step("grant-step-review-pass", "经村（社区）走访核实，情况属实");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant-status"), "待审批"));
    assertThat(browser.findElements(By.id("grant-step-approve")))
        .as("the staff does not approve")
        .isEmpty();

    browser.manage().deleteAllCookies();
    Chromium.signIn(browser, base, "pinghu.admin", DemoProvince.PASSWORD);
    browser.get(base + "fund");
    click(By.id("inflow-new"));
    type("#inflow-amount input", "10000");
    click(By.id("inflow-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("inflow-form")));
    browser.get(detail);
    click(By.id("grant-step-approve"));
    click(By.id("grant-step-confirm"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant-status"), "已批准"));
    click(By.id("grant-step-pay"));
    type("#grant-reference input", "农商银行转账-" + run);
    click(By.id("grant-step-confirm"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant-status"), "已支付"));
    assertThat(browser.findElement(By.id("grant-paid-value")).getText()).contains("3,000.00");
    assertThat(browser.findElement(By.id("grant-id-number")).getText()).isEqualTo(masked);
    click(By.id("grant-unmask"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("grant-id-number"), idNumber));
    WebElement timeline = browser.findElement(By.id("grant-timeline"));
    assertThat(timeline.findElements(By.cssSelector(".grant-event"))).hasSize(4);
    assertThat(timeline.getText())
        .contains("登记申请")
        .contains("镇街审核")
        .contains("经村（社区）走访核实")
        .contains("审批")
        .contains("支付");
    Chromium.screenshot(browser, "fund-grant.png");
    browser.get(base + "fund");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fund-balance")));
    assertThat(browser.findElement(By.id("fund-balance")).getText()).startsWith("¥");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(browser.findElement(By.id("grant-grid")).getText()).contains("已支付");
    Chromium.screenshot(browser, "fund.png");
  }

  /**
   * Hangzhou's city admin changes the caps on the page: caps out of order are said under the field
   * and nothing is kept; caps in order are kept and shown (the staff has no such button).
   */
  @Test
  void theCityAdminChangesTheGrantCapsAndCapsOutOfOrderAreSaidUnderTheField() {
    String base = Chromium.base(server);
    browser.manage().window().setSize(new Dimension(1400, 1000));
    Chromium.signIn(browser, base, "hangzhou.admin", DemoProvince.PASSWORD);
    browser.get(base + "fund");
    setCaps("3000", "2500", "12000");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#caps-max [slot=error-message]"), "标准须满足：下限 ≤ 上限 ≤ 特殊困难上限"));
    assertThat(browser.findElement(By.id("caps-save")).isDisplayed()).as("still open").isTrue();
    type("#caps-max input", "6000");
    click(By.id("caps-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("caps-form")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("fund-caps"), "¥3,000.00 至 ¥6,000.00，特殊困难最高 ¥12,000.00"));
    // back to the published rule, through the same dialog
    setCaps("2000", "5000", "10000");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("fund-caps"), "¥2,000.00 至 ¥5,000.00，特殊困难最高 ¥10,000.00"));

    browser.manage().deleteAllCookies();
    Chromium.signIn(browser, base, "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(base + "fund");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fund-caps")));
    assertThat(browser.findElements(By.id("caps-edit"))).as("only the city admin").isEmpty();
  }

  /** Opens the caps' dialog, types the three amounts and saves them. */
  private void setCaps(String min, String max, String special) {
    click(By.id("caps-edit"));
    type("#caps-min input", min);
    type("#caps-max input", max);
    type("#caps-special input", special);
    click(By.id("caps-save"));
  }

  /** Opens a step's dialog, writes its note and confirms it. */
  private void step(String button, String note) {
    click(By.id(button));
    type("#grant-step-note textarea", note);
    click(By.id("grant-step-confirm"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("grant-step-dialog")));
  }

  private void type(String css, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text, Keys.TAB);
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
