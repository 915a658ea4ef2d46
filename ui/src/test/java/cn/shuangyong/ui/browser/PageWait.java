package cn.shuangyong.ui.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A wait that rides out Vaadin re-rendering the page under it. A language switch or a navigation
 * replaces the elements a condition just found: Selenium then says the reference is stale, or
 * (Chromium 156) answers an "unknown error" that the node "does not belong to the document", which
 * no expected condition catches and which failed a run now and then. Both mean "not yet": the
 * condition is asked again, for as long as the wait lasts.
 */
final class PageWait extends WebDriverWait {
  PageWait(WebDriver driver, Duration timeout) {
    super(driver, timeout);
  }

  @Override
  public <V> V until(Function<? super WebDriver, V> isTrue) {
    return super.until(
        driver -> {
          try {
            return isTrue.apply(driver);
          } catch (StaleElementReferenceException replaced) {
            return null;
          } catch (WebDriverException maybeReplaced) {
            if (replacedNode(maybeReplaced)) {
              return null;
            }
            throw maybeReplaced;
          }
        });
  }

  static boolean replacedNode(WebDriverException thrown) {
    String message = thrown.getMessage();
    return message != null && message.contains("does not belong to the document");
  }
}
