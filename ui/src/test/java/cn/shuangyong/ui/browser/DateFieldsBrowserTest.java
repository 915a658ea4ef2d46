package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The liaison's expected-by field as a Chinese user types dates: ISO and 2026年12月20日 are both taken
 * (and shown as ISO), a date it cannot read says why, and the calendar is Chinese with Monday
 * first. Every date field of the UI comes from {@code DateFields}, so this one stands for all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DateFieldsBrowserTest extends BrowserTest {
  /** Every element matching a selector, through every open shadow root under the first. */
  private static final String DEEP_QUERY =
      """
      const all = (root, selector, out) => {
        root.querySelectorAll(selector).forEach(e => out.push(e));
        root.querySelectorAll('*').forEach(e => e.shadowRoot && all(e.shadowRoot, selector, out));
        return out;
      };
      """;

  private static final List<String> MONTHS =
      List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月");

  @Test
  void theLiaisonTypesIsoAndChineseDatesAndReadsAChineseCalendar() throws Exception {
    String title = "日期-" + System.nanoTime() % 1_000_000;
    LocalDate first = LocalDate.now().plusMonths(1).withDayOfMonth(20);
    LocalDate second = first.plusMonths(1).withDayOfMonth(5);
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.liaison", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "needs/new");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#need-title input")))
        .sendKeys(title);

    // a text that is no date: the field is red and says why
    type("2026年13月40日");
    wait.until(ExpectedConditions.attributeToBe(By.id("need-expected-by"), "invalid", "true"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#need-expected-by [slot=error-message]"), "无法识别的日期"));

    // the Chinese form is taken and shown as ISO
    type(first.getYear() + "年" + first.getMonthValue() + "月" + first.getDayOfMonth() + "日");
    wait.until(ExpectedConditions.not(invalid()));
    assertThat(input().getDomProperty("value")).isEqualTo(first.toString());

    // the calendar: Chinese month names, 周一 first, 今天 and 取消
    WebElement picker = browser.findElement(By.id("need-expected-by"));
    assertThat(weekdays()).containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
    String overlay =
        (String)
            browser.executeScript(
                DEEP_QUERY
                    + """
                    return all(document, 'vaadin-month-calendar', [])
                      .map(c => all(c.shadowRoot, '[part~=month-header]', []).map(h => h.textContent).join(' '))
                      .join(' ') + ' ' + all(document, 'vaadin-button', []).map(b => b.textContent).join(' ');
                    """);
    assertThat(overlay).contains(MONTHS.get(first.getMonthValue() - 1) + " " + first.getYear());
    assertThat(overlay).contains("今天");
    assertThat(overlay).contains("取消").doesNotContain("Today").doesNotContain("January");
    Chromium.screenshot(browser, "date-field-calendar.png");
    browser.executeScript("arguments[0].close();", picker);

    // ISO is taken too, and the submitted need shows it
    type(second.toString());
    wait.until(ExpectedConditions.not(invalid()));
    pickCategory("官兵出行");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(By.id("submit-need-button")).click();
              return true;
            });
    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    assertThat(browser.findElement(By.id("need-detail")).getText()).contains(second.toString());
  }

  @Test
  void inEnglishTheCalendarIsEnglishAndStillStartsOnMonday() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.liaison", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "needs/new");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("language"))).click();
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver
                  .findElement(By.xpath("//vaadin-select-item[normalize-space(.)='English']"))
                  .click();
              return true;
            });
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("submit-need-button"), "Submit"));
    type("2026-13-40");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#need-expected-by [slot=error-message]"), "Not a date"));
    assertThat(weekdays()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    String buttons =
        (String)
            browser.executeScript(
                DEEP_QUERY
                    + "return all(document, 'vaadin-button', []).map(b => b.textContent).join(' ');");
    assertThat(buttons).contains("Today").contains("Cancel");
  }

  /** Opens the expected-by calendar and reads the weekday header of a rendered month. */
  private List<String> weekdays() {
    browser.executeScript("arguments[0].open();", browser.findElement(By.id("need-expected-by")));
    List<?> found =
        wait.until(
            driver -> {
              List<?> texts =
                  (List<?>)
                      browser.executeScript(
                          DEEP_QUERY
                              + """
                              const calendar = all(document, 'vaadin-month-calendar', [])
                                .find(c => c.shadowRoot && c.shadowRoot.querySelector('[part~=weekday]'));
                              if (!calendar) return null;
                              return all(calendar.shadowRoot, '[part~=weekday]', [])
                                .map(e => e.textContent.trim()).filter(t => t.length > 0);
                              """);
              return texts == null || texts.isEmpty() ? null : texts;
            });
    return found.stream().map(String::valueOf).toList();
  }

  /** Replaces the field's text as a person would, and commits it with Enter. */
  private void type(String text) {
    WebElement input = input();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text, Keys.ENTER);
  }

  private WebElement input() {
    return wait.until(
        ExpectedConditions.elementToBeClickable(By.cssSelector("#need-expected-by input")));
  }

  private org.openqa.selenium.support.ui.ExpectedCondition<Boolean> invalid() {
    return ExpectedConditions.attributeToBe(By.id("need-expected-by"), "invalid", "true");
  }

  private void pickCategory(String name) {
    choose("need-category", name);
  }
}
