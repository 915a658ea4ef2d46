package cn.shuangyong.ui.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core ({@value #VERSION}, from the npm package, kept as a test resource so it runs offline)
 * run on the page the browser shows. What counts as a failure: every violation of impact serious or
 * critical, and the landmark, heading and language rules that axe rates lower but this project
 * holds every page to (one {@code h1}, one {@code main}, a valid {@code lang}).
 */
final class Axe {
  static final String VERSION = "4.10.3";

  /** Rules required whatever their impact. */
  static final List<String> REQUIRED =
      List.of(
          "page-has-heading-one",
          "landmark-one-main",
          "landmark-no-duplicate-main",
          "html-has-lang",
          "html-lang-valid",
          "label",
          "button-name");

  /**
   * Violations inside Vaadin's own components that no code of ours can change, as rule id and the
   * element axe names; only these nodes are let pass, the rule still holds everywhere else.
   *
   * <ul>
   *   <li>{@code aria-allowed-attr} on {@code vaadin-select-value-button}: a required {@code
   *       vaadin-select} (24.9) puts {@code aria-required} on its inner value button (role button),
   *       where ARIA does not allow it; the select itself is labelled and announced as required.
   * </ul>
   */
  static final List<List<String>> VAADIN_INTERNALS =
      List.of(List.of("aria-allowed-attr", "vaadin-select-value-button"));

  private static final String RUN =
      "const done = arguments[arguments.length - 1];"
          + " const required = arguments[0];"
          + " const internals = arguments[1];"
          + " const internal = (v, n) => internals.some(([rule, element]) => rule === v.id"
          + " && JSON.stringify(n.target).includes(element));"
          + " axe.run(document, {resultTypes: ['violations']})"
          + ".then(result => done(result.violations"
          + ".map(v => Object.assign(v, {nodes: v.nodes.filter(n => !internal(v, n))}))"
          + ".filter(v => v.nodes.length > 0)"
          + ".filter(v => v.impact === 'serious' || v.impact === 'critical'"
          + " || required.includes(v.id))"
          + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
          + " + v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)"
          + " + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))"
          + ".catch(error => done(['axe failed: ' + error]));";

  private final String source;

  Axe() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("/axe/axe.min.js missing from the test resources");
      }
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!source.startsWith("/*! axe v" + VERSION)) {
      throw new IllegalStateException("/axe/axe.min.js is not axe " + VERSION);
    }
  }

  /** The failing violations on the current page, one line each; empty when it passes. */
  @SuppressWarnings("unchecked")
  List<String> violations(ChromeDriver browser) {
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    Object loaded = browser.executeScript("return typeof window.axe !== 'undefined';");
    if (!Boolean.TRUE.equals(loaded)) {
      browser.executeScript(source);
    }
    return (List<String>) browser.executeAsyncScript(RUN, REQUIRED, VAADIN_INTERNALS);
  }
}
