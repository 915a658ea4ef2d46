package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.testing.PlatformFixtures;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.ui.security.UiSessionRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Idle sign-out that really happens (等保 8.1.4.1 b): with a session timeout of seconds (15, for a
 * loaded test machine), a city user's tab whose bell polls every second and whose heartbeat beats
 * every second is signed out once nobody touched it for the timeout: it lands on the login page and
 * its server state (the Vaadin session) is gone. A person who keeps working stays signed in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleSignOutBrowserTest extends BrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final String CITY = "idlecity";
  private static final String STAFF = "idle.staff";

  @Inject ApplicationContext context;
  @Inject UiSessionRegistry sessions;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put("shuangyong.ui.session-timeout", TIMEOUT.toSeconds() + "s");
    properties.put("shuangyong.ui.heartbeat-interval", "1s");
    properties.put("shuangyong.ui.poll-interval", "1s");
    return properties;
  }

  @BeforeAll
  void fixtures() {
    PlatformFixtures fixtures = new PlatformFixtures(context);
    fixtures.province("idleprov", CITY);
    fixtures.user(STAFF, Role.CITY_STAFF, CITY, null, null, null);
  }

  @Test
  void anUntouchedTabIsSignedOutAndItsSessionFreedWhileAWorkingOneIsNot() throws Exception {
    String base = Chromium.base(server);
    Chromium.signIn(browser, base, STAFF, PlatformFixtures.PASSWORD);
    assertThat(sessions.signedIn(STAFF)).isEqualTo(1);

    // working: a navigation every two seconds for longer than the timeout keeps the session
    long workUntil = System.nanoTime() + TIMEOUT.plusSeconds(5).toNanos();
    int click = 0;
    while (System.nanoTime() < workUntil) {
      clickDrawerItem(click++);
      Thread.sleep(2000);
    }
    assertThat(browser.findElements(By.cssSelector("input[name='username']"))).isEmpty();
    assertThat(sessions.signedIn(STAFF)).isEqualTo(1);

    // idle: polls and heartbeats go on, nobody touches the tab
    long idleSince = System.nanoTime();
    new WebDriverWait(browser, TIMEOUT.multipliedBy(3))
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
    assertThat(Duration.ofNanos(System.nanoTime() - idleSince))
        .isGreaterThanOrEqualTo(TIMEOUT.minusSeconds(1));
    assertThat(browser.getCurrentUrl()).contains("/login");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> sessions.signedIn(STAFF) == 0);
  }

  /** A navigation through the drawer: a person's interaction, sent to the server. */
  private void clickDrawerItem(int index) {
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("vaadin-side-nav-item"), 1));
    var items = browser.findElements(By.cssSelector("vaadin-side-nav-item"));
    wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .until(ExpectedConditions.elementToBeClickable(items.get(index % 2)))
        .click();
  }
}
