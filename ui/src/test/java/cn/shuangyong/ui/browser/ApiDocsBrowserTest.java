package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browsable API page, as an anonymous visitor on the one public port sees it: Swagger UI
 * renders the served document's operations, and every file it loaded came from this node.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsBrowserTest extends BrowserTest {

  @Test
  void anAnonymousVisitorSeesTheOperationsOfTheServedDocument() throws Exception {
    String base = Chromium.base(server);
    browser.get(base + "api/v1/docs");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".info .title"), "双拥云接口"));
    // Swagger UI parses the whole document (some 470 KB of YAML) before it draws an operation: on a
    // loaded machine that once took longer than the usual 30 s
    List<WebElement> paths =
        new PageWait(browser, Duration.ofSeconds(120))
            .until(
                ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector(".opblock .opblock-summary-path"), 10));
    assertThat(paths)
        .extracting(WebElement::getText)
        .contains("/api/v1/auth/login", "/api/v1/tenants/{tenant}/needs");
    Chromium.screenshot(browser, "api-docs.png");
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
    assertThat(loaded)
        .contains(base + "api/v1/docs/swagger-ui-bundle.js", base + "api/v1/openapi.yml")
        .allSatisfy(url -> assertThat(url).as("loaded from this node").startsWith(base));
  }
}
