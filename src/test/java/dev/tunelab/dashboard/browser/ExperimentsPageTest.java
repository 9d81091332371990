package dev.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.Api;
import dev.tunelab.dashboard.ChangeStream;
import dev.tunelab.dashboard.PageFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The experiments page (/): the server draws the first view, then the page follows the change
 * stream, drawing new and changed experiments without a reload and catching up after the stream
 * comes back.
 */
class ExperimentsPageTest extends BrowserTest {

  /** A third of x, so that the best metric has more digits than the page shows. */
  private static final String TRIAL =
      """
      import tunelab
      x = tunelab.get_next_parameter()["x"]
      tunelab.report_final_result(x / 3)
      """;

  private static final By LIVE = By.id("live");

  @Autowired private ChangeStream changeStream;
  private final PageFormat format = new PageFormat();
  private Path code;
  private String finished;

  @BeforeAll
  void runOneExperiment() {
    code = codeFolder("train.py", TRIAL);
    finished = submit("finished before the page opened", 2);
    awaitStatus(finished, "DONE", "ERROR");
  }

  @Test
  void showsASubmittedExperimentLiveUntilItIsDone() {
    openLive();
    browser.executeScript("window.marker = 1");

    String id = submit("submitted while the page is open", 3);

    waitFor(ExpectedConditions.presenceOfElementLocated(row(id)));
    JsonNode done = awaitStatus(id, "DONE", "ERROR");
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    waitFor(ExpectedConditions.textToBe(cell(id, "[data-col=status]"), "Done"));
    String best = format.number(done.path("bestTrial").path("value").asDouble());
    waitFor(ExpectedConditions.textToBe(cell(id, "td.num"), best));
    assertThat(text(cell(id, "td:nth-child(4)"))).isEqualTo("3 / 3");
    assertThat(browser.findElement(By.id("no-experiments")).isDisplayed()).isFalse();
    assertThat(browser.executeScript("return window.marker")).as("no reload").isEqualTo(1L);

    // The row was drawn by the script; the server's first view of it must read the same.
    List<String> drawnLive = cells(null, id);
    List<String> drawnByServer = cells(api().get("/").body(), id);
    assertThat(drawnByServer.subList(0, 6)).isEqualTo(drawnLive.subList(0, 6));

    String light = background();
    screenshot("experiments-light");
    darkMode();
    assertThat(background()).isNotEqualTo(light);
    screenshot("experiments-dark");
  }

  @Test
  void drawsTheFirstViewOnTheServerAndItsTimesInTheBrowsersZone() {
    Api.Response page = api().get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-experiment=\"" + finished + "\"");
    Instant started = Instant.parse(experiment(finished).path("startedAt").asString());
    ZoneId zone = zoneOtherThanTheServers(started);

    try {
      browser.executeCdpCommand(
          "Emulation.setTimezoneOverride", Map.of("timezoneId", zone.getId()));
      openLive();

      List<String> server = cells(page.body(), finished);
      assertThat(server.get(2)).isEqualTo("Done");
      assertThat(server.get(3)).isEqualTo("2 / 2");
      assertThat(server.get(6)).isEqualTo(format.time(started));
      String local =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(started);
      assertThat(local).isNotEqualTo(server.get(6));
      waitFor(ExpectedConditions.textToBe(cell(finished, "time"), local));
    } finally {
      browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }
  }

  @Test
  void answersAnUnknownExperimentWithAReadableNotFoundPage() {
    Api.Response missing = api().get("/experiments/doesnotexist");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body())
        .contains("Not found", "doesnotexist")
        .doesNotContain("Exception", "at dev.tunelab", "Whitelabel");

    open("/experiments/doesnotexist");
    assertThat(await(By.tagName("h1"))).isEqualTo("Not found");
    assertThat(text(By.cssSelector("main p"))).isEqualTo("No experiment has the id 'doesnotexist'");
    assertThat(consoleErrors())
        .as("only the page's own 404")
        .allMatch(error -> error.contains("/experiments/doesnotexist") && error.contains("404"));
  }

  @Test
  void catchesUpWithWhatChangedWhileTheStreamWasDown() {
    // Chromium's offline emulation reaches the page but not a shared worker, so this test takes
    // the path of browsers without SharedWorker: the page's own stream (the shared one's hello
    // after a reconnect is tested in live-shared.test.js).
    Object withoutSharedWorker =
        browser
            .executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "delete window.SharedWorker"))
            .get("identifier");
    String id;
    try {
      openLive();
      browser.executeScript("window.marker = 1");
      // Offline keeps the open stream but fails new connections: ending the stream on the
      // server then leaves the page disconnected until it is back online.
      offline(true);
      changeStream.stop();
      changeStream.start();
      waitFor(ExpectedConditions.attributeToBe(LIVE, "data-state", "connecting"));

      id = submit("finished while the page was disconnected", 2);
      awaitStatus(id, "DONE", "ERROR");
      offline(false);

      waitFor(ExpectedConditions.attributeToBe(LIVE, "data-state", "open"));
      waitFor(ExpectedConditions.textToBe(cell(id, "[data-col=status]"), "Done"));
      assertThat(browser.executeScript("return window.marker")).as("no reload").isEqualTo(1L);
    } finally {
      offline(false);
      browser.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", withoutSharedWorker));
    }
  }

  private String submit(String name, int trials) {
    return create(
        """
        experimentName: %s
        searchSpace: {x: {_type: uniform, _value: [0, 1]}}
        trialCommand: %s python3 train.py
        trialCodeDirectory: %s
        trialConcurrency: 2
        maxTrialNumber: %d
        tuner: {name: Random, classArgs: {optimize_mode: maximize}}
        """
            .formatted(name, PYTHON_SDK, code, trials));
  }

  @Test
  void manyTabsShareOneStreamSoEveryTabStaysLive() {
    // A stream holds one of the six connections a browser allows a host: without sharing, the
    // seventh tab would never load.
    String first = browser.getWindowHandle();
    try {
      for (int tab = 0; tab < 8; tab++) {
        browser.switchTo().newWindow(WindowType.TAB);
        open(tab % 2 == 0 ? "/" : "/experiments/" + finished);
        waitFor(ExpectedConditions.attributeToBe(LIVE, "data-state", "open"));
      }
      String submitted = submit("seen by the eighth tab", 1);
      open("/");
      await(row(submitted));
    } finally {
      for (String handle : browser.getWindowHandles()) {
        if (!handle.equals(first)) {
          browser.switchTo().window(handle).close();
        }
      }
      browser.switchTo().window(first);
    }
  }

  /** Opens the experiments page and waits until it follows the change stream. */
  private void openLive() {
    open("/");
    waitFor(ExpectedConditions.attributeToBe(LIVE, "data-state", "open"));
  }

  private static By row(String id) {
    return By.cssSelector("#experiments tbody tr[data-experiment='%s']".formatted(id));
  }

  private static By cell(String id, String selector) {
    return By.cssSelector("#experiments tbody tr[data-experiment='%s'] %s".formatted(id, selector));
  }

  /**
   * The text of each cell of an experiment's row, whitespace collapsed: in the page shown, or (html
   * not null) in that HTML as the browser parses it, without running its scripts.
   */
  @SuppressWarnings("unchecked")
  private List<String> cells(String html, String id) {
    return (List<String>)
        browser.executeScript(
            """
            const doc = arguments[0] === null
                ? document : new DOMParser().parseFromString(arguments[0], 'text/html');
            const row = doc.querySelector(`#experiments tbody tr[data-experiment="${arguments[1]}"]`);
            return [...row.cells].map((cell) => cell.textContent.trim().replace(/\\s+/g, ' '));
            """,
            html,
            id);
  }

  private String background() {
    return (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
  }

  /** Makes the browser's new connections fail (open ones stay open), or lets them through again. */
  private void offline(boolean offline) {
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** A zone whose clock differs from the server's at {@code instant}, so a rewrite shows. */
  private static ZoneId zoneOtherThanTheServers(Instant instant) {
    ZoneId server = ZoneId.systemDefault();
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
    return server.getRules().getOffset(instant).equals(kathmandu.getRules().getOffset(instant))
        ? ZoneId.of("America/St_Johns")
        : kathmandu;
  }
}
