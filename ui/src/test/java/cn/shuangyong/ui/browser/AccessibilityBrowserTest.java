package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core on every page of the UI, as each role sees it, in Chinese and in English: no serious or
 * critical violation, and every page has one {@code h1}, one main landmark and {@code <html lang>}
 * in the page's language ({@link Axe} says what fails a page).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest extends BrowserTest {
  private final Axe axe = new Axe();
  private final List<String> failures = new ArrayList<>();
  @Inject JsonMapper json;

  @BeforeEach
  void noFailuresYet() {
    failures.clear();
  }

  @Test
  void theSignInPage() {
    browser.get(Chromium.base(server) + "login");
    audit("login", "zh-CN");
    switchTo("English");
    audit("login", "en");
    assertThat(failures).isEmpty();
  }

  @Test
  void theCityAdministratorsPages() {
    String need = aDemoNeed();
    String project = aProject();
    int year = LocalDate.now().getYear();
    List<String> pages =
        List.of(
            "",
            "needs",
            "needs/" + need,
            "needs/board/new",
            "needs/print?year=" + year,
            "needs/categories",
            "garrison-units",
            "responsible-units",
            "accounts",
            "projects",
            "projects/" + project,
            "budgets",
            "fund",
            "fund/grants/" + aDemoGrant(),
            "profile",
            "password",
            "audit");
    auditInBothLanguages("pinghu.admin", pages);
  }

  @Test
  void aDialogOpenOverAPage() {
    Chromium.signIn(browser, Chromium.base(server), "pinghu.admin", DemoProvince.PASSWORD);
    open("accounts");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("create-account"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#account-username")));
    audit("accounts, the new account dialog", "zh-CN");
    assertThat(failures).isEmpty();
  }

  @Test
  void theLiaisonsPagesOnADesktopAndOnAPhone() {
    auditInBothLanguages("pinghu.liaison", List.of("", "needs/mine", "needs/new"));
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String page : List.of("needs/mine", "needs/new")) {
      open(page);
      audit(page + " (phone)", "en");
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theHandlersPages() {
    auditInBothLanguages("pinghu.handler", List.of("", "needs/tasks"));
  }

  @Test
  void thePlatformAdministratorsPages() {
    auditInBothLanguages("admin", List.of("", "tenants", "audit"));
  }

  @Test
  void theSupervisorsPagesAndTheAccessDeniedPage() {
    // a supervisor may not manage a city's categories: the access-denied page answers instead
    auditInBothLanguages(
        "zj.supervisor",
        List.of("", "tenants", "needs", "projects", "budgets", "needs/categories", "audit"));
  }

  /** Signs in, audits each page in Chinese, switches to English and audits them again. */
  private void auditInBothLanguages(String username, List<String> pages) {
    Chromium.signIn(browser, Chromium.base(server), username, DemoProvince.PASSWORD);
    for (String page : pages) {
      open(page);
      audit(username + " " + page, "zh-CN");
    }
    switchTo("English");
    for (String page : pages) {
      open(page);
      audit(username + " " + page, "en");
    }
    assertThat(failures).as("accessibility failures").isEmpty();
  }

  private void open(String page) {
    browser.get(Chromium.base(server) + page);
  }

  /** Records what fails on the page the browser shows, once Vaadin has rendered it. */
  private void audit(String page, String language) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
    waitUntilIdle();
    String where = page + " [" + language + "]: ";
    String lang = (String) browser.executeScript("return document.documentElement.lang;");
    if (!language.equals(lang)) {
      failures.add(where + "<html lang> is '" + lang + "'");
    }
    long headings = count("h1");
    if (headings != 1) {
      failures.add(where + headings + " h1 elements");
    }
    long mains = count("main, [role=main]");
    if (mains != 1) {
      failures.add(where + mains + " main landmarks");
    }
    axe.violations(browser).forEach(violation -> failures.add(where + violation));
  }

  private long count(String selector) {
    Object count =
        browser.executeScript("return document.querySelectorAll(arguments[0]).length;", selector);
    return ((Number) count).longValue();
  }

  /** Until Vaadin has no request open (the view and its grids' first data have arrived). */
  private void waitUntilIdle() {
    wait.until(
        driver ->
            (Boolean)
                browser.executeScript(
                    "const flow = window.Vaadin && window.Vaadin.Flow;"
                        + " return !!flow && !!flow.clients && Object.values(flow.clients)"
                        + ".every(c => !c.isActive || !c.isActive());"));
  }

  /** Picks a language in the header's (or the sign-in page's) switch; the page reloads in it. */
  private void switchTo(String language) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("language"))).click();
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver
                  .findElement(
                      By.xpath("//vaadin-select-item[normalize-space(.)='" + language + "']"))
                  .click();
              return true;
            });
    wait.until(
        driver -> "en".equals(browser.executeScript("return document.documentElement.lang;")));
  }

  /** A project of 平湖市 made for its detail page (the demo has none yet). */
  private String aProject() {
    Api api = new Api(server, json);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    Object garrison =
        api.get("/api/v1/tenants/pinghu/garrison-units", staff).items().get(0).get("id");
    Object responsible =
        api.get("/api/v1/tenants/pinghu/responsible-units", staff).items().get(0).get("id");
    Map<String, Object> body = new HashMap<>();
    body.put("name", "营区道路修缮");
    body.put("category", "基础设施");
    body.put("garrisonUnitIds", List.of(garrison));
    body.put("responsibleUnitId", responsible);
    body.put("budget", "350000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(6).toString());
    Api.Answer created = api.post("/api/v1/tenants/pinghu/projects", body, staff);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.string("id");
  }

  /** The id of one of 平湖市's sample grants (the demo's 帮扶基金), for its detail page. */
  private String aDemoGrant() {
    Api api = new Api(server, json);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    return api.get("/api/v1/tenants/pinghu/grants?status=PAID", staff)
        .items()
        .get(0)
        .get("id")
        .toString();
  }

  /** The id of one of 平湖市's demo needs, for its detail page. */
  private String aDemoNeed() {
    Api api = new Api(server, json);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    return api.get("/api/v1/tenants/pinghu/needs", staff).items().get(0).get("id").toString();
  }
}
