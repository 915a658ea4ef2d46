package cn.shuangyong.ui.browser;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromedriver for browser tests: installed with apt-get when missing and the
 * tests run as root; otherwise the reason they cannot run.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");

  private Chromium() {}

  /** Empty when chromium can run, else why not. */
  static synchronized Optional<String> unavailableReason() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      missing.add("chromium");
      missing.add("chromium-driver");
    }
    if (!Files.exists(CJK_FONT)) {
      missing.add("fonts-wqy-microhei"); // Chinese glyphs in screenshots; optional
    }
    if (!missing.isEmpty()) {
      if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(APT_GET)) {
        if (missing.contains("chromium")) {
          return Optional.of(
              "chromium/chromedriver missing and cannot be installed (needs root and apt-get):"
                  + " apt-get install chromium chromium-driver");
        }
      } else {
        String failure = install(missing);
        if (failure != null && (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER))) {
          return Optional.of("installing chromium failed: " + failure);
        }
      }
    }
    return Optional.empty();
  }

  /** A started browser, or the calling test is skipped (assumption) with the reason. */
  static ChromeDriver startOrSkip() {
    Optional<String> unavailable = unavailableReason();
    Assumptions.assumeTrue(
        unavailable.isEmpty(), () -> "browser test skipped: " + unavailable.get());
    return start();
  }

  /** The root address of the application under test. */
  static String base(EmbeddedServer server) {
    return "http://localhost:" + server.getPort() + "/";
  }

  static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--lang=zh-CN");
    // the console, for tests that check no Content-Security-Policy violation was reported
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Signs in through the login form and waits for the dashboard. */
  static WebDriverWait signIn(ChromeDriver browser, String base, String username, String password) {
    browser.get(base + "login");
    WebDriverWait wait = new PageWait(browser, java.time.Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
        .sendKeys(username);
    browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    return wait;
  }

  /**
   * Saves what the browser shows to target/screenshots/{name}, once Vaadin has no request open,
   * without the toasts.
   */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            driver ->
                (Boolean)
                    ((JavascriptExecutor) driver)
                        .executeScript(
                            "const flow = window.Vaadin && window.Vaadin.Flow;"
                                + " return !flow || !flow.clients || Object.values(flow.clients)"
                                + ".every(c => !c.isActive || !c.isActive());"));
    Path directory = Path.of("target", "screenshots");
    Files.createDirectories(directory);
    // the toasts of the steps before would cover the page in the README: hidden while it is taken
    String toasts = "const t = document.querySelector('vaadin-notification-container');";
    browser.executeScript(toasts + " if (t) t.style.visibility = 'hidden';");
    try {
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.executeScript(toasts + " if (t) t.style.visibility = '';");
    }
  }

  private static String install(List<String> packages) {
    String update = run(List.of(APT_GET.toString(), "update", "-qq"));
    if (update != null) {
      return update;
    }
    List<String> command = new ArrayList<>(List.of(APT_GET.toString(), "install", "-y", "-qq"));
    command.addAll(packages);
    return run(command);
  }

  private static String run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Path log = Files.createTempFile("chromium-install", ".log");
      Process process = builder.redirectOutput(log.toFile()).start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return String.join(" ", command) + " timed out";
      }
      return process.exitValue() == 0
          ? null
          : String.join(" ", command) + " exited " + process.exitValue() + ", see " + log;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
