package dev.tunelab.dashboard.browser;

import dev.tunelab.IntegrationTest;
import dev.tunelab.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the tests that drive the dashboard in a real headless Chromium. One browser serves all
 * tests of a class; each test starts by opening its page. A test fails when the page logged a
 * console error, an uncaught exception or a failed load, and leaves a screenshot under {@code
 * target/screenshots/<class>/} when it fails. Without {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver} (Debian's {@code chromium} and {@code chromium-driver}) the tests are
 * skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({BrowserTest.SkipWithoutChromium.class, BrowserTest.ScreenshotOnFailure.class})
public abstract class BrowserTest extends IntegrationTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  protected ChromeDriver browser;
  private Path profile;

  @BeforeAll
  void startBrowser() {
    profile = TestFiles.temporaryFolder("tunelab-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Without the networking flags Chromium keeps trying to reach the internet. Debian's launcher
    // means to add --disable-dev-shm-usage where /dev/shm is small (Docker's 64 MB crashes tabs),
    // but its check breaks where /dev/shm is mounted twice, as on the machines we build on.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1400,900");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    // A page that never loads fails its test in seconds, not after WebDriver's five minutes.
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  void quitBrowser() {
    if (browser != null) {
      browser.quit();
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  @BeforeEach
  void resetBrowser() {
    consoleErrors();
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
  }

  @AfterEach
  void failOnConsoleErrors() {
    assertNoConsoleErrors();
  }

  /** Opens {@code path} (such as {@code /experiments/abc}) on the running Tunelab. */
  protected void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  /**
   * Waits up to ten seconds for {@code condition} and returns what it returned. Live pages replace
   * rows as they change, so an element found a moment ago may be gone: that is asked again.
   */
  protected <T> T waitFor(ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, TIMEOUT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits for an element to be visible and returns its text, read inside the wait. */
  protected String await(By locator) {
    return waitFor(
        driver -> {
          WebElement element = driver.findElement(locator);
          return element.isDisplayed() ? element.getText() : null;
        });
  }

  /** The visible text of the first element at {@code locator}, right now. */
  protected String text(By locator) {
    return browser.findElement(locator).getText();
  }

  /** Makes the page see {@code prefers-color-scheme: dark} until the next test. */
  protected void darkMode() {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
  }

  /** Saves the viewport as {@code target/screenshots/<class>/<name>.png} and returns the file. */
  protected Path screenshot(String name) {
    Path file = Path.of("target", "screenshots", getClass().getSimpleName(), name + ".png");
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Console errors, uncaught exceptions and failed loads logged since the last call. The 404 of the
   * favicon that Chromium asks for on its own, sometimes after the test, is no page's error.
   */
  protected List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("/favicon.ico - Failed to load resource"))
        .toList();
  }

  /** Fails when the page logged a console error or an uncaught exception since the last check. */
  protected void assertNoConsoleErrors() {
    List<String> errors = consoleErrors();
    if (!errors.isEmpty()) {
      throw new AssertionError("The page logged errors:\n" + String.join("\n", errors));
    }
  }

  /** Skips the tests, before Spring or Chromium starts, where Chromium is not installed. */
  static class SkipWithoutChromium implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
          ? ConditionEvaluationResult.enabled("Chromium is installed")
          : ConditionEvaluationResult.disabled(
              "Browser tests need %s and %s: install Debian's chromium and chromium-driver (.ci/run does)"
                  .formatted(CHROMIUM, CHROMEDRIVER));
    }
  }

  /** Saves a screenshot of a failed test, named after its method, before the browser goes. */
  static class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (context.getRequiredTestInstance() instanceof BrowserTest test && test.browser != null) {
        test.screenshot(context.getRequiredTestMethod().getName() + "-failed");
      }
    }
  }
}
