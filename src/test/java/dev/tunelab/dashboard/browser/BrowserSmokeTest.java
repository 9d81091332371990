package dev.tunelab.dashboard.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The browser test infrastructure itself, against the running app and pages of its own. */
class BrowserSmokeTest extends BrowserTest {

  @Test
  void showsJsonServedByTheApp() {
    open("/v3/api-docs");

    assertThat(await(By.tagName("body"))).contains("\"openapi\"", "/api/v1/experiments");
  }

  @Test
  void loadsTheDashboardsModulesFromTheApp() {
    open("/browser-test/format.html");

    waitFor(ExpectedConditions.textToBe(By.id("duration"), "2m 05s"));
    assertThat(text(By.id("duration"))).isEqualTo("2m 05s");
  }

  @Test
  void reportsConsoleErrorsUncaughtExceptionsAndRejections() {
    browser.get(
        page(
            """
            <script>console.error('deliberate console error')</script>
            <script>throw new Error('deliberate uncaught exception')</script>
            <script>Promise.reject(new Error('deliberate rejection'))</script>
            """));

    assertThatThrownBy(this::assertNoConsoleErrors)
        .hasMessageContaining("deliberate console error")
        .hasMessageContaining("Uncaught Error: deliberate uncaught exception")
        .hasMessageContaining("Uncaught Error: deliberate rejection");
    assertNoConsoleErrors();
  }

  @Test
  void emulatesDarkMode() {
    darkMode();
    browser.get(
        page(
            """
            <style>@media (prefers-color-scheme: dark) { body { background: #111; color: #eee } }</style>
            <p id="scheme">dark? <script>document.write(matchMedia('(prefers-color-scheme: dark)').matches)</script></p>
            """));

    assertThat(text(By.id("scheme"))).isEqualTo("dark? true");
    assertThat(screenshot("dark")).isNotEmptyFile();
  }

  private static String page(String html) {
    return "data:text/html;base64," + Base64.getEncoder().encodeToString(html.getBytes(UTF_8));
  }
}
