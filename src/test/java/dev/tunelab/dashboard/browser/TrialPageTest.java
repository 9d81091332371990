package dev.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trial page against a running Tunelab with real trial processes: following the output and the
 * intermediate results while the trial runs, the other log files, and cancelling. The trial moves
 * on only when the test creates its next gate file, so each step is seen while it runs.
 */
class TrialPageTest extends BrowserTest {

  private static final String STEPPED_TRIAL =
      """
      import os, sys, time, tunelab
      tunelab.get_next_parameter()

      def wait_for(gate):
          while not os.path.exists(gate):
              time.sleep(0.05)

      print("epoch 1", flush=True)
      tunelab.report_intermediate_result(0.25)
      wait_for("step2")
      print("epoch 2", flush=True)
      print("a warning on stderr", file=sys.stderr, flush=True)
      tunelab.report_intermediate_result(0.5)
      wait_for("step3")
      print("done", flush=True)
      tunelab.report_final_result(0.75)
      """;

  private static final By STATUS = By.cssSelector("#status [data-col=status]");
  private static final By LOG = By.id("log");

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void stopWhatRuns() {
    for (String id : created) {
      if (!experiment(id).path("endedAt").isString()) {
        api().post("/api/v1/experiments/" + id + "/stop");
      }
    }
    created.clear();
  }

  @Test
  void followsTheOutputAndTheIntermediateResultsWhileTheTrialRuns() throws IOException {
    Path code = codeFolder("train.py", STEPPED_TRIAL);
    String id =
        created(
            """
            searchSpace: {x: {_type: uniform, _value: [0, 1]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 1
            maxTrialNumber: 1
            tuner: {name: Random}
            """
                .formatted(PYTHON_SDK, code));
    JsonNode trial = awaitRunningTrial(id);
    String trialId = trial.path("trialId").asString();
    openTrial(id, trialId);
    script("window.marker = 'the same page'");

    waitFor(ExpectedConditions.textToBePresentInElementLocated(LOG, "epoch 1"));
    waitFor(ExpectedConditions.textToBe(By.id("latest"), "0.25"));
    awaitChartPoints(1);
    waitFor(ExpectedConditions.textToBe(STATUS, "Running"));
    assertThat(browser.findElement(By.id("cancel")).isEnabled()).isTrue();
    assertThat(JsonMapper.builder().build().readTree(text(By.id("parameters"))))
        .isEqualTo(trial.path("parameters"));

    Files.createFile(code.resolve("step2"));

    waitFor(ExpectedConditions.textToBePresentInElementLocated(LOG, "epoch 2"));
    waitFor(ExpectedConditions.textToBe(By.id("latest"), "0.5"));
    awaitChartPoints(2);
    script("document.getElementById('log').scrollIntoView({block: 'center'})");
    screenshot("trial-running");

    Files.createFile(code.resolve("step3"));
    awaitStatus(id, "DONE");

    waitFor(ExpectedConditions.textToBe(STATUS, "Succeeded"));
    awaitWholeDuration(id, trialId);
    waitFor(ExpectedConditions.textToBe(LOG, "epoch 1\nepoch 2\ndone"));
    assertThat(text(By.id("final"))).isEqualTo("0.75");
    assertThat(text(By.id("exit-code"))).isEqualTo("0");
    assertThat(browser.findElement(By.id("cancel")).isEnabled()).isFalse();
    assertThat(script("return window.marker")).isEqualTo("the same page");

    browser.findElement(By.cssSelector(".log-tabs [data-file=stderr]")).click();
    waitFor(ExpectedConditions.textToBe(LOG, "a warning on stderr"));
    browser.findElement(By.cssSelector(".log-tabs [data-file=stdout]")).click();
    waitFor(ExpectedConditions.textToBe(LOG, "epoch 1\nepoch 2\ndone"));

    browser.findElement(By.id("copy-parameters")).click();
    waitFor(driver -> !driver.findElement(By.id("copied")).getText().isEmpty());

    darkMode();
    browser.navigate().refresh();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-state=open]")));
    waitFor(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-chart=trial-intermediates][data-rendered]")));
    waitFor(ExpectedConditions.textToBe(LOG, "epoch 1\nepoch 2\ndone"));
    screenshot("trial-dark");
  }

  @Test
  void cancelsTheTrialFromItsPage() {
    String id =
        created(
            """
            searchSpace: {x: {_type: uniform, _value: [0, 1]}}
            trialCommand: echo started; sleep 300
            trialCodeDirectory: %s
            trialConcurrency: 1
            maxTrialNumber: 1
            tuner: {name: Random}
            """
                .formatted(codeFolder()));
    String trialId = awaitRunningTrial(id).path("trialId").asString();
    openTrial(id, trialId);
    waitFor(ExpectedConditions.textToBe(LOG, "started"));

    browser.findElement(By.id("cancel")).click();

    waitFor(ExpectedConditions.textToBe(STATUS, "Cancelled"));
    awaitWholeDuration(id, trialId);
    assertThat(browser.findElement(By.id("cancel")).isEnabled()).isFalse();
    assertThat(
            api()
                .get("/api/v1/experiments/" + id + "/trials/" + trialId)
                .json(200)
                .path("status")
                .asString())
        .isEqualTo("USER_CANCELED");
    screenshot("trial-canceled");
  }

  private String created(String yaml) {
    String id = create(yaml);
    created.add(id);
    return id;
  }

  private JsonNode awaitRunningTrial(String id) {
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    return trials(id).get(0);
  }

  /** Opens the trial's page and waits until its module follows the change stream. */
  private void openTrial(String id, String trialId) {
    open("/experiments/" + id + "/trials/" + trialId);
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-state=open]")));
  }

  private Object script(String code, Object... arguments) {
    return browser.executeScript(code, arguments);
  }

  /**
   * Waits for the page to show the ended trial's whole duration, written as format.js writes one
   * under a minute, from the instants the API gives to the millisecond as the page reads them.
   */
  private void awaitWholeDuration(String id, String trialId) {
    JsonNode trial = api().get("/api/v1/experiments/" + id + "/trials/" + trialId).json(200);
    long millis =
        Instant.parse(trial.path("endedAt").asString()).toEpochMilli()
            - Instant.parse(trial.path("startedAt").asString()).toEpochMilli();
    double seconds = millis / 1000.0;
    String expected =
        seconds < 10
            ? String.format(Locale.ROOT, "%.1fs", Math.floor(seconds * 10) / 10)
            : (long) seconds + "s";
    waitFor(ExpectedConditions.textToBe(By.id("duration"), expected));
  }

  /** Waits until the intermediate-results chart has drawn this many points. */
  private void awaitChartPoints(long points) {
    waitFor(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-chart=trial-intermediates][data-rendered]")));
    waitFor(
        driver ->
            Long.valueOf(points)
                .equals(
                    script(
                        """
                        return import('/webjars/echarts/dist/echarts.esm.min.js').then((echarts) =>
                          echarts.getInstanceByDom(document.querySelector('[data-chart=trial-intermediates]'))
                            .getOption().series[0].data.length)
                        """)));
  }
}
