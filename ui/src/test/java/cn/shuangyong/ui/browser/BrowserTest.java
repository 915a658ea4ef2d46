package cn.shuangyong.ui.browser;

import cn.shuangyong.platform.testing.TestInfrastructure;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test of a running application shares: the test servers, a fresh Chromium per
 * test (skipped where there is none) and a wait of 30 s. Subclasses carry {@code @MicronautTest}.
 */
abstract class BrowserTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  ChromeDriver browser;
  WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.get().properties();
  }

  @BeforeEach
  void startBrowser() {
    browser = Chromium.startOrSkip();
    wait = new PageWait(browser, Duration.ofSeconds(30));
  }

  /** The file input of the upload {@code uploadId} (in its shadow root), once it is there. */
  WebElement fileInput(String uploadId) {
    return wait.until(
        driver ->
            driver
                .findElement(By.id(uploadId))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]")));
  }

  /**
   * Chooses {@code label} in the select {@code selectId} as a person would, and waits until the
   * select shows it. Each round looks before it acts: a closed select is opened (scrolled to
   * first); an open one is left alone while its overlay is still animating in (a click then could
   * land on another item as the list moves under the pointer, which is how a loaded machine once
   * chose the wrong category); a settled list gets the click on the item. A round that chose the
   * wrong item, or whose click something else intercepted, is simply followed by another.
   */
  void choose(String selectId, String label) {
    By value = By.cssSelector("#" + selectId + " vaadin-select-value-button");
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              if (driver.findElement(value).getText().contains(label)) {
                return true;
              }
              WebElement select = driver.findElement(By.id(selectId));
              if (!Boolean.TRUE.equals(
                  browser.executeScript("return arguments[0].opened;", select))) {
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
                clickQuietly(select);
                return false;
              }
              Object settled =
                  browser.executeScript(
                      "const o = document.querySelector('vaadin-select-overlay[opened]');"
                          + " return !!o && !o.hasAttribute('opening');");
              if (Boolean.TRUE.equals(settled)) {
                clickQuietly(
                    driver.findElement(
                        By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")));
              }
              return false;
            });
  }

  private static void clickQuietly(WebElement element) {
    try {
      element.click();
    } catch (ElementNotInteractableException e) { // intercepted clicks too
      // the next round looks again
    }
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }
}
