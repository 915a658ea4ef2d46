package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Empty pages say what is empty and what to do: a supervisor's city without needs, the office's
 * board filtered to nothing (and back with 清除筛选), the liaison's and the handler's home pages with
 * their counts, a city without needs (board, my needs, the bell), searches of units and cities.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyPagesBrowserTest extends BrowserTest {

  @Test
  void aSupervisorOnACityWithoutNeedsIsToldNothingIsThereYet() throws Exception {
    // 嘉兴市, the first of jx.supervisor's cities, has no needs in the demo
    signIn("jx.supervisor");
    browser.get(Chromium.base(server) + "needs");
    WebElement empty =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#needs-grid .empty-state-nothing-yet")));
    assertThat(empty.getText()).contains("还没有双清单事项");
    assertThat(browser.findElements(By.cssSelector("#needs-grid .empty-state-no-match")))
        .allMatch(element -> !element.isDisplayed());
    Chromium.screenshot(browser, "empty-board-supervisor.png");
  }

  @Test
  void theOfficeFilteredToNothingIsToldSoAndClearsTheFilters() throws Exception {
    signIn("pinghu.staff");
    browser.get(Chromium.base(server) + "needs");
    WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-grid")));
    wait.until(driver -> rows(grid) > 0);
    WebElement overdue = browser.findElement(By.cssSelector("#filter-overdue input"));
    click(overdue);
    WebElement search = browser.findElement(By.cssSelector("#filter-search input"));
    search.sendKeys("没有这样的事项" + System.nanoTime());
    WebElement noMatch =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#needs-grid .empty-state-no-match")));
    assertThat(noMatch.getText()).contains("没有符合筛选条件的事项");
    Chromium.screenshot(browser, "empty-board-no-match.png");
    click(noMatch.findElement(By.cssSelector(".empty-state-clear")));
    wait.until(driver -> rows(grid) > 0);
    assertThat(browser.findElement(By.id("filter-overdue")).getDomProperty("checked"))
        .isEqualTo("false");
    assertThat(search.getDomProperty("value")).isEmpty();
  }

  @Test
  void aLiaisonsHomeShowsItsUnitsNeedsByStatus() throws Exception {
    signIn("pinghu.liaison");
    WebElement own =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-own")));
    WebElement submitted = own.findElement(By.id("own-count-submitted"));
    assertThat(submitted.getText()).contains("已提交").containsPattern("\\d+");
    // one count per status, 已撤回 included
    assertThat(own.findElements(By.cssSelector("a[id^='own-count-']")))
        .hasSize(cn.shuangyong.tenants.needs.api.NeedTypes.Status.values().length);
    Chromium.screenshot(browser, "dashboard-liaison.png");
    click(submitted);
    wait.until(ExpectedConditions.urlContains("needs/mine?status=SUBMITTED"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-needs-filter")));
  }

  @Test
  void aHandlersHomeShowsItsTasksByStatusAndOverdueFilteredToNothingSaysSo() throws Exception {
    signIn("pinghu.handler");
    WebElement own =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-own")));
    assertThat(own.findElements(By.cssSelector("a[id^='own-count-']")))
        .extracting(element -> element.getDomAttribute("id"))
        .containsExactly(
            "own-count-accepted",
            "own-count-in_progress",
            "own-count-completed",
            "own-count-closed",
            "own-count-overdue");
    WebElement inProgress = own.findElement(By.id("own-count-in_progress"));
    assertThat(inProgress.getText()).contains("办理中").containsPattern("\\d+");
    long overdue = count(own.findElement(By.id("own-count-overdue")));
    long all =
        own.findElements(By.cssSelector("a[id^='own-count-']:not(#own-count-overdue)")).stream()
            .mapToLong(this::count)
            .sum();
    Chromium.screenshot(browser, "dashboard-handler.png");
    click(own.findElement(By.id("own-count-overdue")));
    wait.until(ExpectedConditions.urlContains("needs/tasks?overdue=true"));
    WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-grid")));
    if (overdue == 0) {
      WebElement noMatch =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#needs-grid .empty-state-no-match")));
      assertThat(noMatch.getText()).contains("没有符合筛选条件的事项");
      click(noMatch.findElement(By.cssSelector(".empty-state-clear")));
    } else {
      wait.until(driver -> rows(grid) > 0);
      click(browser.findElement(By.cssSelector("#filter-overdue input")));
    }
    assertThat(all).as("the demo's handler has tasks").isPositive();
    wait.until(driver -> rows(grid) > 0);
  }

  /** The number a home page's count card shows. */
  private long count(WebElement card) {
    return Long.parseLong(card.getText().replaceAll("\\D", ""));
  }

  @Test
  void aCityWithoutNeedsSaysSoOnTheBoardInMyNeedsAndInTheBell() throws Exception {
    // 杭州市 has units and accounts but no needs in the demo
    signIn("hangzhou.admin");
    browser.get(base() + "needs");
    WebElement nothingYet =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#needs-grid .empty-state-nothing-yet")));
    assertThat(nothingYet.getText()).contains("还没有");
    // the office's first step: the import template, from the empty board itself
    assertThat(nothingYet.findElement(By.id("empty-import-template")).isDisplayed()).isTrue();
    click(wait.until(ExpectedConditions.elementToBeClickable(By.id("notification-bell"))));
    WebElement list =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-list")));
    assertThat(list.findElement(By.cssSelector(".empty-state-nothing-yet")).getText())
        .contains("暂无通知");

    browser.manage().deleteAllCookies();
    signIn("hangzhou.liaison");
    browser.get(base() + "needs/mine");
    WebElement cards =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-need-cards")));
    wait.until(driver -> !cards.findElements(By.cssSelector(".empty-state-nothing-yet")).isEmpty());
    assertThat(cards.findElement(By.cssSelector(".empty-state-nothing-yet")).getText())
        .contains("还没有提交过需求");
  }

  @Test
  void searchesThatFindNothingSayWhatAndClearBackToTheList() throws Exception {
    signIn("pinghu.admin");
    browser.get(base() + "garrison-units");
    WebElement units =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-grid")));
    wait.until(driver -> rows(units) > 0);
    browser.findElement(By.cssSelector("#unit-search input")).sendKeys("没有这样的单位");
    WebElement noUnit =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".empty-state-no-match")));
    assertThat(noUnit.getText()).contains("没有名称符合搜索的单位");
    click(noUnit.findElement(By.cssSelector(".empty-state-clear")));
    wait.until(driver -> rows(units) > 0);

    browser.manage().deleteAllCookies();
    signIn("admin");
    browser.get(base() + "tenants");
    WebElement tenants =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-grid")));
    wait.until(driver -> rows(tenants) > 0);
    browser.findElement(By.cssSelector("#tenants-filter input")).sendKeys("没有这样的城市");
    WebElement noCity =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".empty-state-no-match")));
    assertThat(noCity.getText()).contains("没有符合筛选条件的城市");
    click(noCity.findElement(By.cssSelector(".empty-state-clear")));
    wait.until(driver -> rows(tenants) > 0);
  }

  private String base() {
    return Chromium.base(server);
  }

  /** The grid's item count (the vaadin-grid's size). */
  private long rows(WebElement grid) {
    Object size = browser.executeScript("return arguments[0].size || 0;", grid);
    return size instanceof Number number ? number.longValue() : 0;
  }

  /** Clicks once the overlay or notification still moving over the target is gone. */
  private void click(WebElement target) {
    wait.until(
        driver -> {
          try {
            target.click();
            return true;
          } catch (ElementClickInterceptedException covered) {
            return false;
          }
        });
  }

  private void signIn(String username) {
    Chromium.signIn(browser, Chromium.base(server), username, DemoProvince.PASSWORD);
  }
}
