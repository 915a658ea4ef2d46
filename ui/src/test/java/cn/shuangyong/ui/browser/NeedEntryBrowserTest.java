package cn.shuangyong.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.tenants.demo.DemoProvince;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Entering a need with its photos (issue 9, item 2): the office from the board's 新建需求, for the
 * garrison unit it heard it from; the liaison on a phone, whose archive named like a photo is
 * refused under the upload before anything is sent. The photos are on the need's detail, with who
 * attached them by name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedEntryBrowserTest extends BrowserTest {

  @Test
  void theOfficeEntersAVisitsNeedWithAPhotoFromTheBoard() throws Exception {
    String title = "走访听取-营区道路-" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(1280, 900));
    signIn("pinghu.staff");
    browser.get(base() + "needs");
    click(By.id("new-need"));

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#need-title input")))
        .sendKeys(title);
    // the direction starts at 拥军优属; the garrison unit is the office's to name
    assertThat(browser.findElement(By.id("need-direction")).getText()).contains("拥军优属");
    browser.findElement(By.cssSelector("#need-garrison-unit input")).sendKeys("驻平陆军");
    click(By.xpath("//vaadin-combo-box-item[contains(., '驻平陆军某部')]"));
    chooseCategory("营区建设");
    upload(photo("走访照片.png"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-files-list"), "走访照片.png"));
    screenshot("needs-office-new.png");
    click(By.id("submit-need-button"));

    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-attachments"), "走访照片.png"));
    String attachments = browser.findElement(By.id("need-attachments")).getText();
    assertThat(attachments).contains("平湖市双拥办工作人员").doesNotContain("pinghu.staff");
    assertThat(browser.findElement(By.id("need-detail")).getText())
        .contains("驻平陆军某部")
        .contains("座谈走访");
    screenshot("needs-office-entered.png");

    // the garrison's liaison finds it among its unit's needs
    browser.manage().deleteAllCookies();
    signIn("pinghu.liaison");
    browser.get(base() + "needs/mine");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-need-cards"), title));
  }

  @Test
  void theLiaisonAttachesAPhotoInTheFormOnAPhone() throws Exception {
    String title = "营区照明-" + System.nanoTime() % 1_000_000;
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn("pinghu.liaison");
    browser.get(base() + "needs/new");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#need-title input")))
        .sendKeys(title);
    // a liaison's need is its own unit's: no direction, no unit to choose
    assertThat(browser.findElements(By.id("need-garrison-unit"))).isEmpty();
    chooseCategory("营区建设");
    // on a phone the file input offers the camera
    assertThat(fileInput().getDomAttribute("accept")).contains("image/*");

    upload(archiveNamed("照片.jpg"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-files-error"), "压缩包"));
    assertThat(browser.findElement(By.id("need-files-error")).getText()).contains("照片.jpg");
    assertThat(browser.findElement(By.id("need-files-list")).getText()).doesNotContain("照片.jpg");

    upload(photo("营区照片.png"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-files-list"), "营区照片.png"));
    // the archive stays refused, and named, beside the photo that was taken
    assertThat(browser.findElement(By.id("need-files-list")).getText()).doesNotContain("照片.jpg");
    assertThat(browser.findElement(By.id("need-files-error")).getText()).contains("照片.jpg");
    WebElement form = browser.findElement(By.id("submit-need"));
    assertThat(form.getRect().getWidth()).isLessThanOrEqualTo(390);
    screenshot("needs-liaison-form-photo.png");
    click(By.id("submit-need-button"));

    wait.until(ExpectedConditions.textToBe(By.id("need-heading"), title));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("need-attachments"), "营区照片.png"));
    String attachments = browser.findElement(By.id("need-attachments")).getText();
    assertThat(attachments).contains("驻平陆军某部联络员").doesNotContain("照片.jpg");
    assertThat(attachments).doesNotContain("pinghu.liaison");
  }

  private void chooseCategory(String name) {
    choose("need-category", name);
  }

  /** Clicks once nothing (an overlay still opening or closing) lies over the element. */
  private void click(By target) {
    wait.ignoring(ElementClickInterceptedException.class)
        .until(
            driver -> {
              WebElement element = driver.findElement(target);
              // the form is taller than a phone: bring the element into the layout's scroll view
              browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  private WebElement fileInput() {
    return fileInput("need-files-upload");
  }

  /** Hands one file to the upload (the input is emptied first: Chrome adds to a multiple one). */
  private void upload(Path file) {
    WebElement input = fileInput();
    browser.executeScript("arguments[0].value = '';", input);
    input.sendKeys(file.toString());
  }

  private static Path photo(String name) throws Exception {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 24; y++) {
        image.setRGB(x, y, new Color(40 + x * 5, 90 + y * 5, 60).getRGB());
      }
    }
    Path file = Files.createTempDirectory("need-photo-").resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** A zip archive under a photo's name: the trap the form must name. */
  private static Path archiveNamed(String name) throws Exception {
    Path file = Files.createTempDirectory("need-archive-").resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("photo.jpg"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    return file;
  }

  private void signIn(String username) {
    Chromium.signIn(browser, base(), username, DemoProvince.PASSWORD);
  }

  private String base() {
    return Chromium.base(server);
  }

  private void screenshot(String name) throws Exception {
    Chromium.screenshot(browser, name);
  }
}
