package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.Api;
import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 拥军项目 end to end in a real browser: Pinghu's office creates a project from the list, adds two
 * milestones on its detail, completes one and sees the progress at 50 % from the milestones, with
 * every step in the timeline by the staff member's name; the list shows the project's progress. The
 * office attaches a photo on a project's detail (a line of the timeline) and opens the yearly
 * 军地互办实事 report from the list, in a tab of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsBrowserTest extends BrowserTest {
  @Inject JsonMapper json;

  @Test
  void theOfficeCreatesAProjectAddsAndCompletesAMilestoneAndSeesTheProgress() throws Exception {
    String name = "营区文化室改造-" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "projects");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("project-new"))).click();

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#project-name input")))
        .sendKeys(name);
    browser.findElement(By.cssSelector("#project-category input")).sendKeys("文化生活");
    pick("project-garrison-units", "驻平陆军某部");
    pick("project-responsible-unit", "交通运输局");
    browser.findElement(By.cssSelector("#project-budget input")).sendKeys("128000.50");
    setDate("project-planned-start", LocalDate.now().toString());
    setDate("project-planned-end", LocalDate.now().plusMonths(4).toString());
    Chromium.screenshot(browser, "projects-new.png");
    click(By.id("project-save"));

    wait.until(ExpectedConditions.textToBe(By.id("project-heading"), name));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-status"), "计划中"));
    assertThat(browser.findElement(By.id("project-budget-value")).getText()).contains("128,000.50");
    assertThat(browser.findElement(By.id("project-progress")).getText()).contains("0%");

    addMilestone("方案设计", LocalDate.now().plusDays(20));
    addMilestone("施工验收", LocalDate.now().plusMonths(3));
    wait.until(
        driver -> driver.findElements(By.cssSelector(".project-milestone-complete")).size() == 2);
    click(By.cssSelector(".project-milestone-complete"));

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-progress"), "50%"));
    assertThat(browser.findElement(By.id("project-progress")).getText()).contains("按节点完成情况计算");
    WebElement timeline = browser.findElement(By.id("project-timeline"));
    wait.until(ExpectedConditions.textToBePresentInElement(timeline, "完成节点"));
    assertThat(timeline.getText())
        .contains("创建项目")
        .contains("添加节点")
        .contains("平湖市双拥办工作人员")
        .doesNotContain("pinghu.staff");
    Chromium.screenshot(browser, "projects-detail.png");

    browser.get(Chromium.base(server) + "projects");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#project-search input")))
        .sendKeys(name);
    By row = By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-grid"), "50%"));
    Chromium.screenshot(browser, "projects-list.png");
  }

  @Test
  void theOfficeEntersProgressAndLinksANeedWhichThenShowsTheProject() throws Exception {
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String need = aNeed("营区饮水净化-" + suffix);
    String project = aProject("饮水工程-" + suffix);
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "projects/" + project);

    click(By.id("project-action-enter_progress"));
    WebElement percent =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#project-progress-percent input")));
    percent.sendKeys(Keys.chord(Keys.CONTROL, "a"), "40");
    browser.findElement(By.cssSelector("#project-progress-note textarea")).sendKeys("设备已到货");
    click(By.id("project-progress-save"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-progress"), "40%"));
    assertThat(browser.findElement(By.id("project-progress")).getText()).contains("手工填报");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-timeline"), "设备已到货"));

    pick("project-need-choice", "营区饮水净化-" + suffix);
    click(By.id("project-need-link"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("project-needs"), "营区饮水净化-" + suffix));
    Chromium.screenshot(browser, "projects-progress-needs.png");

    browser.get(Chromium.base(server) + "needs/" + need);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("need-projects"), "饮水工程-" + suffix));
    assertThat(browser.findElement(By.id("need-projects")).getText()).contains("40%");
  }

  @Test
  void theOfficeAttachesAPhotoToAProjectAndOpensTheYearlyReport() throws Exception {
    String name = "营区照明-" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "projects");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("project-new"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#project-name input")))
        .sendKeys(name);
    browser.findElement(By.cssSelector("#project-category input")).sendKeys("基础设施");
    pick("project-garrison-units", "驻平陆军某部");
    pick("project-responsible-unit", "交通运输局");
    browser.findElement(By.cssSelector("#project-budget input")).sendKeys("45000");
    choose("project-funding-source", "社会募集");
    setDate("project-planned-start", LocalDate.now().toString());
    setDate("project-planned-end", LocalDate.now().plusMonths(2).toString());
    click(By.id("project-save"));
    wait.until(ExpectedConditions.textToBe(By.id("project-heading"), name));

    Path photo = Files.createTempDirectory("project-").resolve("施工照片.png");
    Files.write(photo, PNG);
    fileInput("project-upload").sendKeys(photo.toString());
    // the upload's own list shows the name at once; the kept file is a link once it is stored
    WebElement kept =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#project-attachments .project-attachment-name")));
    assertThat(kept.getText()).isEqualTo("施工照片.png");
    assertThat(kept.getDomAttribute("href")).as("a download link").isNotBlank();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-timeline"), "上传附件"));
    assertThat(browser.findElement(By.id("project-timeline")).getText()).contains("施工照片.png");
    Chromium.screenshot(browser, "projects-attachments.png");

    browser.get(Chromium.base(server) + "projects");
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("project-report-excel")))
                .getDomAttribute("href"))
        .as("the report's Excel")
        .isNotBlank();
    assertThat(browser.findElement(By.id("project-export")).getDomAttribute("href")).isNotBlank();
    String list = browser.getWindowHandle();
    click(By.id("project-report-open"));
    wait.until(driver -> driver.getWindowHandles().size() == 2);
    browser.getWindowHandles().stream()
        .filter(handle -> !handle.equals(list))
        .findFirst()
        .ifPresent(handle -> browser.switchTo().window(handle));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-report"), name));
    String report = browser.findElement(By.id("project-report")).getText();
    assertThat(report)
        .contains(LocalDate.now().getYear() + " 年度军地互办实事")
        .contains("平湖市")
        .contains("按项目状态汇总", "按资金来源汇总", "社会募集", "合计")
        .contains("45000.00")
        .contains("印发日期");
    Chromium.screenshot(browser, "projects-report.png");
  }

  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    2,
    0,
    0,
    0,
    (byte) 0x90,
    'w',
    'S',
    (byte) 0xde
  };

  /** The office corrects a project's name and budget on its page; the timeline says so. */
  @Test
  void theOfficeCorrectsAProjectsFieldsOnItsPage() {
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String project = aProject("营区绿化-" + suffix);
    browser.manage().window().setSize(new Dimension(1280, 900));
    Chromium.signIn(browser, Chromium.base(server), "pinghu.staff", DemoProvince.PASSWORD);
    browser.get(Chromium.base(server) + "projects/" + project);
    click(By.id("project-action-update"));
    WebElement name =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#project-name input")));
    assertThat(name.getDomProperty("value")).isEqualTo("营区绿化-" + suffix);
    name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    name.sendKeys("营区绿化美化-" + suffix, Keys.TAB);
    WebElement budget = browser.findElement(By.cssSelector("#project-budget input"));
    budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    budget.sendKeys("66000.50", Keys.TAB);
    click(By.id("project-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("project-form")));
    wait.until(ExpectedConditions.textToBe(By.id("project-heading"), "营区绿化美化-" + suffix));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-timeline"), "修改项目信息"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("66,000.50");
  }

  private String aNeed(String title) {
    Api api = new Api(server, json);
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("category", "医疗保障");
    Api.Answer created =
        api.post(
            "/api/v1/tenants/pinghu/needs",
            body,
            api.login("pinghu.liaison", DemoProvince.PASSWORD));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.string("id");
  }

  private String aProject(String name) {
    Api api = new Api(server, json);
    String staff = api.login("pinghu.staff", DemoProvince.PASSWORD);
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("category", "基础设施");
    body.put(
        "garrisonUnitIds",
        List.of(api.get("/api/v1/tenants/pinghu/garrison-units", staff).items().get(0).get("id")));
    body.put(
        "responsibleUnitId",
        api.get("/api/v1/tenants/pinghu/responsible-units", staff).items().get(0).get("id"));
    body.put("budget", "60000.00");
    body.put("fundingSource", "FISCAL");
    body.put("plannedStart", LocalDate.now().toString());
    body.put("plannedEnd", LocalDate.now().plusMonths(3).toString());
    Api.Answer created = api.post("/api/v1/tenants/pinghu/projects", body, staff);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.string("id");
  }

  private void addMilestone(String title, LocalDate due) {
    WebElement input =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("#milestone-title input")));
    input.sendKeys(title);
    setDate("milestone-due", due.toString());
    click(By.id("milestone-add"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("project-milestones"), title));
  }

  /**
   * A combo box's item by part of its name (Tab closes its overlay; Escape would close the dialog).
   */
  private void pick(String id, String text) {
    WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
    input.sendKeys(text);
    By item =
        By.xpath(
            "//vaadin-combo-box-item[contains(., '"
                + text
                + "')] | //vaadin-multi-select-combo-box-item[contains(., '"
                + text
                + "')]");
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              driver.findElement(item).click();
              return true;
            });
    input.sendKeys(Keys.TAB);
  }

  /** The date picker's value is ISO whatever the locale shows; set it as the picker would. */
  private void setDate(String id, String isoDate) {
    WebElement picker = browser.findElement(By.id(id));
    browser.executeScript("arguments[0].value = arguments[1];", picker, isoDate);
    wait.until(
        driver -> !picker.findElement(By.tagName("input")).getDomProperty("value").isEmpty());
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
