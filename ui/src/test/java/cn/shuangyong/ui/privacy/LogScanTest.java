package cn.shuangyong.ui.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Personal data and passwords never reach the application log (issue 11): the log of the whole test
 * run (every test JVM of platform, tenants and ui writes one under its module's {@code
 * target/test-logs}, {@code logback-test.xml} of the platform test jar) holds none of the demo's
 * phone numbers (Pinghu's {@code 0573-850…}, Hangzhou's {@code 0571-870…}, with or without the
 * dash), the demo password nor the test fixtures' password, though every one of them passes through
 * the code in these runs (the demo seeds the units with their phones in every test JVM; every test
 * signs in). Runs in the ui module's last surefire execution ({@code log-scan}), after every other
 * test of {@code mvn verify}.
 */
class LogScanTest {
  private static final Pattern DEMO_PHONE = Pattern.compile("05(73|71)-?8[57]0[0-3]\\d{4}");
  private static final List<String> PASSWORDS = List.of("Shuangyong@2026", "Fixture@2026");
  private static final List<String> MODULES = List.of("platform", "tenants", "ui");

  @Test
  void noLogOfTheTestRunHoldsADemoPhoneNumberOrPassword() throws IOException {
    List<Path> logs = logs();
    assertThat(logs).as("the test run's logs under <module>/target/test-logs").isNotEmpty();
    List<String> found = new ArrayList<>();
    boolean demoLoaded = false;
    for (Path log : logs) {
      int lineNumber = 0;
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        lineNumber++;
        demoLoaded |= line.contains("demo province loaded") || line.contains("demo: ");
        Matcher phone = DEMO_PHONE.matcher(line);
        if (phone.find()) {
          found.add(log + ":" + lineNumber + " a demo phone number (" + phone.group() + ")");
        }
        for (String password : PASSWORDS) {
          if (line.contains(password)) {
            found.add(log + ":" + lineNumber + " a password");
          }
        }
      }
    }
    assertThat(demoLoaded)
        .as("the scanned logs are of runs that loaded the demo province (its phones went through)")
        .isTrue();
    assertThat(found).as("personal data or passwords in the test run's log").isEmpty();
  }

  private static List<Path> logs() {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> logs = new ArrayList<>();
    for (String module : MODULES) {
      Path directory = root.resolve(module).resolve("target").resolve("test-logs");
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.list(directory)) {
        files.filter(file -> file.toString().endsWith(".log")).sorted().forEach(logs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return logs;
  }
}
