package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 9, item 9: the pages as laptops and phones show them. The office's board fits a 1366 px
 * screen with one line per cell; on a phone the bell's list stays on screen with 全部已读 in reach, and
 * the board's filters fold away so the grid shows several rows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayoutBrowserTest extends BrowserTest {
  private static final Dimension LAPTOP = new Dimension(1366, 768);
  private static final Dimension PHONE = new Dimension(390, 844);

  @Test
  void theBoardFitsALaptopScreenWithOneLinePerCell() throws Exception {
    browser.manage().window().setSize(LAPTOP);
    signIn("pinghu.staff");
    browser.get(base() + "needs");
    WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-grid")));
    wait.until(driver -> !bodyCells(grid).isEmpty());
    Chromium.screenshot(browser, "needs-board-1366.png");

    double visibleRight = visibleRight(grid);
    List<Map<String, Object>> headers = headerCells(grid);
    assertThat(headers).hasSizeGreaterThanOrEqualTo(10);
    assertThat(headers)
        .as("every column header within the grid's visible width (%s px)", visibleRight)
        .allSatisfy(
            header ->
                assertThat(number(header, "right"))
                    .as("right edge of header %s", header.get("text"))
                    .isLessThanOrEqualTo(visibleRight + 0.5));
    assertThat(headers)
        .as("headers on one line")
        .allSatisfy(
            header ->
                assertThat(number(header, "height"))
                    .as("height of header %s", header.get("text"))
                    .isLessThan(2 * number(header, "lineHeight")));
    assertThat(bodyCells(grid))
        .as("unit names and every other cell on one line")
        .allSatisfy(
            cell ->
                assertThat(number(cell, "height"))
                    .as("height of cell %s", cell.get("text"))
                    .isLessThan(2 * number(cell, "lineHeight")));
  }

  @Test
  void onAPhoneTheBellsListStaysOnScreenWithMarkAllReadInReach() throws Exception {
    browser.manage().window().setSize(PHONE);
    signIn("pinghu.staff");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.id("notification-bell"))));
    WebElement markAll =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notifications-mark-all")));
    // the popover has stopped moving in
    wait.until(driver -> overlayBox().equals(overlayBox()));
    Chromium.screenshot(browser, "notifications-phone.png");
    Map<String, Object> overlay = overlayBox();
    double width = number(overlay, "viewport");
    assertThat(number(overlay, "left")).as("the list's left edge").isGreaterThanOrEqualTo(0);
    assertThat(number(overlay, "right")).as("the list's right edge").isLessThanOrEqualTo(width);
    Map<String, Object> button = box(markAll);
    assertThat(number(button, "left")).isGreaterThanOrEqualTo(0);
    assertThat(number(button, "right")).as("全部已读 on screen").isLessThanOrEqualTo(width);
    click(markAll);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notification-count")));
  }

  @Test
  void onAPhoneTheBoardsFiltersFoldSoThatTheGridShowsSeveralRows() throws Exception {
    browser.manage().window().setSize(PHONE);
    signIn("pinghu.staff");
    browser.get(base() + "needs");
    WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-grid")));
    wait.until(driver -> !bodyCells(grid).isEmpty());
    WebElement toggle = browser.findElement(By.id("board-filters-toggle"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("filter-status")).isDisplayed()).isFalse();
    Chromium.screenshot(browser, "needs-board-phone.png");
    // the actions beside 新建需求 are icons on a phone, named for screen readers and in a tooltip
    WebElement print = browser.findElement(By.id("print-needs"));
    assertThat(print.getDomAttribute("aria-label")).isEqualTo("打印清单");
    assertThat(print.getText()).isEmpty();
    assertThat(browser.findElement(By.id("board-toolbar")).getRect().getHeight())
        .as("the toolbar keeps one line")
        .isLessThan(2 * browser.findElement(By.id("new-need")).getRect().getHeight());
    assertThat(rowsOnScreen(grid))
        .as("rows of the grid on the first screen")
        .isGreaterThanOrEqualTo(3);

    click(toggle);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-status")));
    assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
    browser.findElement(By.cssSelector("#filter-search input")).sendKeys("示例");
    wait.until(ExpectedConditions.textToBePresentInElement(toggle, "1"));
    click(toggle);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("filter-status")));

    // from the medium breakpoint on, the filters are simply there
    browser.manage().window().setSize(LAPTOP);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-status")));
    assertThat(toggle.isDisplayed()).isFalse();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("print-needs"), "打印清单"));
  }

  @Test
  void formsMarkTheirRequiredFieldsAndARequiredMessageGoesOnceFilled() throws Exception {
    signIn("pinghu.liaison");
    browser.get(base() + "needs/new");
    WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("need-title")));
    assertRequired("need-title", "need-category", "need-source");
    assertThat(browser.findElement(By.id("need-description")).getDomProperty("required"))
        .isNotEqualTo("true");
    click(browser.findElement(By.id("submit-need-button")));
    wait.until(ExpectedConditions.attributeToBe(title, "invalid", "true"));
    assertThat(title.getDomProperty("errorMessage")).isNotBlank();
    // typed, not yet left: the message goes at once
    title.findElement(By.tagName("input")).sendKeys("班车");
    wait.until(driver -> !"true".equals(title.getDomAttribute("invalid")));

    browser.manage().deleteAllCookies();
    signIn("pinghu.admin");
    browser.get(base() + "garrison-units");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.id("create-unit"))));
    WebElement name = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unit-name")));
    assertRequired("unit-name", "unit-kind");
    click(browser.findElement(By.id("save-unit")));
    wait.until(ExpectedConditions.attributeToBe(name, "invalid", "true"));
    name.findElement(By.tagName("input")).sendKeys("驻平某部");
    wait.until(driver -> !"true".equals(name.getDomAttribute("invalid")));

    // the 受理 dialog of a submitted need
    browser.get(base() + "needs");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.id("count-submitted"))));
    WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-grid")));
    wait.until(
        driver ->
            bodyCells(grid).stream()
                .allMatch(cell -> !String.valueOf(cell.get("text")).matches("已(受理|办结|销号)")));
    click(
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '（示例）')]"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.id("action-accept"))));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept-deadline")));
    // the responsible unit for 拥军优属, the garrison unit doing it for 拥政爱民
    WebElement unit =
        browser
            .findElements(By.cssSelector("#accept-responsible-unit, #accept-garrison-unit"))
            .stream()
            .filter(WebElement::isDisplayed)
            .findFirst()
            .orElseThrow();
    assertRequired(unit.getDomAttribute("id"), "accept-deadline", "accept-level");
    click(browser.findElement(By.id("accept-dialog-ok")));
    wait.until(ExpectedConditions.attributeToBe(unit, "invalid", "true"));
    click(unit.findElement(By.tagName("input")));
    click(
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item"))));
    wait.until(driver -> !"true".equals(unit.getDomAttribute("invalid")));
  }

  private void assertRequired(String... ids) {
    for (String id : ids) {
      assertThat(browser.findElement(By.id(id)).getDomProperty("required"))
          .as("%s is marked required", id)
          .isEqualTo("true");
    }
  }

  /** Body rows of the grid wholly inside the window. */
  private long rowsOnScreen(WebElement grid) {
    Object rows =
        browser.executeScript(
            "const grid = arguments[0];"
                + " const bottom = Math.min(window.innerHeight,"
                + "   grid.getBoundingClientRect().bottom);"
                + " return [...grid.shadowRoot.querySelectorAll('#items tr:not([hidden])')]"
                + "  .filter(row => { const box = row.getBoundingClientRect();"
                + "    return box.height > 0 && box.top >= 0 && box.bottom <= bottom; }).length;",
            grid);
    return ((Number) rows).longValue();
  }

  /** Where the open popover's box is, and the window's width. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> overlayBox() {
    return (Map<String, Object>)
        browser.executeScript(
            "const overlay = document.querySelector('vaadin-popover-overlay[opened]');"
                + " const part = overlay.shadowRoot.querySelector('[part~=\"overlay\"]');"
                + " const box = part.getBoundingClientRect();"
                + " return {left: box.left, right: box.right,"
                + "   viewport: document.documentElement.clientWidth};");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> box(WebElement element) {
    return (Map<String, Object>)
        browser.executeScript(
            "const box = arguments[0].getBoundingClientRect();"
                + " return {left: box.left, right: box.right};",
            element);
  }

  /** The visible right edge of the grid's table (without a vertical scroll bar). */
  private double visibleRight(WebElement grid) {
    Object right =
        browser.executeScript(
            "const table = arguments[0].shadowRoot.querySelector('#table');"
                + " return table.getBoundingClientRect().left + table.clientWidth;",
            grid);
    return ((Number) right).doubleValue();
  }

  /** The grid's header cells: text, right edge, height and the line height of their content. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> headerCells(WebElement grid) {
    return (List<Map<String, Object>>)
        browser.executeScript(CELLS + " return cells(arguments[0], '#header th');", grid);
  }

  /** The cells of the grid's rendered body rows, as {@link #headerCells}. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> bodyCells(WebElement grid) {
    return (List<Map<String, Object>>)
        browser.executeScript(
            CELLS + " return cells(arguments[0], '#items tr:not([hidden]) td');", grid);
  }

  private static final String CELLS =
      "function cells(grid, selector) {"
          + " return [...grid.shadowRoot.querySelectorAll(selector)]"
          + "  .filter(cell => !cell.hidden && cell.offsetWidth > 0 && cell.offsetParent)"
          + "  .map(cell => {"
          + "   const slot = cell.querySelector('slot');"
          + "   const content = slot && slot.assignedElements()[0];"
          + "   if (!content || !content.textContent.trim()) return null;"
          + "   const box = cell.getBoundingClientRect();"
          + "   const style = getComputedStyle(content);"
          + "   const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;"
          + "   return {text: content.textContent.trim(), right: box.right,"
          + "     height: content.getBoundingClientRect().height, lineHeight: line};"
          + "  }).filter(cell => cell);"
          + "}";

  private static double number(Map<String, Object> cell, String key) {
    return ((Number) cell.get(key)).doubleValue();
  }

  /** Clicks once the overlay or notification still moving over the target is gone. */
  private void click(WebElement target) {
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              target.click();
              return true;
            });
  }

  private void signIn(String username) {
    Chromium.signIn(browser, base(), username, DemoProvince.PASSWORD);
  }

  private String base() {
    return Chromium.base(server);
  }
}
