package dev.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The experiment page against a running Tunelab with real trial processes: the table filling live,
 * cancel, inline edits, stop and resume, server-side filters, customised trials, charts and the
 * keyboard. Trials that must be caught running wait for a gate file the test creates, so no step
 * depends on how fast the machine is.
 */
class ExperimentPageTest extends BrowserTest {

  /** Reports an intermediate result, waits for the file "go", then reports x as final. */
  private static final String GATED_TRIAL =
      """
      import os, time, tunelab
      x = tunelab.get_next_parameter()["x"]
      tunelab.report_intermediate_result(0.5)
      while not os.path.exists("go"):
          time.sleep(0.05)
      tunelab.report_final_result(x)
      """;

  /** Fails when x is a multiple of 5, else reports a metric that is not monotone in x. */
  private static final String QUICK_TRIAL =
      """
      import tunelab
      x = tunelab.get_next_parameter()["x"]
      if x % 5 == 0:
          raise SystemExit(1)
      tunelab.report_final_result((x * 7 % 25) / 10)
      """;

  private final List<String> created = new ArrayList<>();
  private String finished;

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
  void theTableFillsLiveAndTheChartsDrawEverything() throws IOException {
    Path code = codeFolder("train.py", GATED_TRIAL);
    String id =
        created(
            """
            experimentName: live table
            searchSpace: {x: {_type: choice, _value: [0.123456789, 0.00003, 2, 1234.56789]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            tuner: {name: GridSearch, classArgs: {optimize_mode: maximize}}
            """
                .formatted(PYTHON_SDK, code));
    openExperiment(id);
    script("window.marker = 'the same page'");

    awaitExperiment(
        id,
        e ->
            list(trials(id)).stream().filter(t -> t.path("latestMetric").asDouble(0) == 0.5).count()
                == 2);
    waitFor(driver -> table().stream().filter(row -> row.is("Running", "0.5")).count() == 2);
    assertThat(table()).filteredOn(row -> row.is("Running", "0.5")).allMatch(Row::latest);
    Files.createFile(code.resolve("go"));
    awaitStatus(id, "DONE");

    waitFor(driver -> table().size() == 4 && table().stream().allMatch(row -> row.is("Succeeded")));
    Map<Double, String> formatted =
        Map.of(0.123456789, "0.123457", 0.00003, "3e-5", 2.0, "2", 1234.56789, "1234.57");
    Map<String, String> expected = new HashMap<>();
    for (JsonNode trial : trials(id)) {
      expected.put(
          trial.path("trialId").asString(),
          formatted.get(trial.path("parameters").path("x").asDouble()));
    }
    assertThat(table()).noneMatch(Row::latest);
    assertThat(table().stream().collect(Collectors.toMap(Row::id, Row::metric)))
        .isEqualTo(expected);
    JsonNode best = experiment(id).path("bestTrial");
    waitFor(
        ExpectedConditions.textToBe(
            By.id("best"), "1234.57 (trial " + best.path("sequenceId").asInt() + ")"));
    waitFor(ExpectedConditions.textToBe(By.cssSelector("#status [data-col=status]"), "Done"));
    assertThat(text(By.id("counts"))).isEqualTo("Succeeded 4");
    assertThat(text(By.id("trial-progress"))).isEqualTo("4 / ∞");
    assertThat(text(By.id("time-progress"))).endsWith(" / ∞");
    assertThat(script("return window.marker")).isEqualTo("the same page");
    screenshot("experiment-light");

    browser.findElement(By.id("tab-charts")).click();
    awaitChartsRendered();
    assertThat(script("return location.hash")).isEqualTo("#charts");
    screenshot("charts-light");

    darkMode();
    browser.get("about:blank"); // else the same address with #charts would not load the page again
    openExperiment(id + "#charts");
    assertThat(browser.findElement(By.id("tab-charts")).getAttribute("aria-selected"))
        .isEqualTo("true");
    awaitChartsRendered();
    screenshot("charts-dark");
    browser.findElement(By.id("tab-trials")).click();
    assertThat(browser.findElement(By.id("panel-trials")).isDisplayed()).isTrue();
    screenshot("experiment-dark");
  }

  @Test
  void cancelsARunningTrialFromTheTable() {
    String id = created(sleepingConfig("maxTrialNumber: 1\ntrialConcurrency: 1"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    String trialId = trials(id).get(0).path("trialId").asString();
    openExperiment(id);
    waitFor(ExpectedConditions.textToBe(statusOf(trialId), "Running"));

    click(inRow(trialId, "button.cancel"));

    waitFor(ExpectedConditions.textToBe(statusOf(trialId), "Cancelled"));
    assertThat(browser.findElements(inRow(trialId, "button.cancel"))).isEmpty();
    assertThat(trial(id, trialId).path("status").asString()).isEqualTo("USER_CANCELED");
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "Cancelled 1"));
  }

  @Test
  void changesTheConcurrencyInlineAndShowsWhatTheServerRejects() {
    String id = created(sleepingConfig("maxTrialNumber: 4\ntrialConcurrency: 1"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    openExperiment(id);
    WebElement concurrency = browser.findElement(By.id("edit-trialConcurrency"));
    WebElement error = browser.findElement(By.id("edit-error"));

    // The browser itself refuses what the input's min rules out: nothing is sent.
    apply(concurrency, "0");
    assertThat(script("return arguments[0].validity.rangeUnderflow", concurrency)).isEqualTo(true);
    assertThat(error.getText()).isEmpty();
    // What only the server can refuse comes back as its message, naming the field.
    apply(concurrency, "3000000000");
    waitFor(ExpectedConditions.textToBePresentInElement(error, "trialConcurrency"));
    assertThat(error.getText()).contains("must be an integer of at least 1");
    expectRefused("/api/v1/experiments/" + id);
    assertThat(experiment(id).path("config").path("trialConcurrency").asInt()).isEqualTo(1);

    apply(concurrency, "2");

    waitFor(ExpectedConditions.textToBePresentInElement(error, "Applied."));
    assertThat(experiment(id).path("config").path("trialConcurrency").asInt()).isEqualTo(2);
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "Running 2"));
  }

  @Test
  void stopsAndResumesTheExperiment() {
    String id = created(sleepingConfig("maxTrialNumber: 3\ntrialConcurrency: 1"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    openExperiment(id);
    By status = By.cssSelector("#status [data-col=status]");
    waitFor(ExpectedConditions.textToBe(status, "Running"));
    assertThat(browser.findElement(By.id("resume")).isEnabled()).isFalse();

    browser.findElement(By.id("stop")).click();

    waitFor(ExpectedConditions.textToBe(status, "Stopped"));
    assertThat(browser.findElement(By.id("resume")).isEnabled()).isTrue();
    assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
    assertThat(browser.findElement(By.id("add-trial")).isEnabled()).isFalse();
    assertThat(experiment(id).path("status").asString()).isEqualTo("STOPPED");
    waitFor(driver -> table().stream().filter(row -> row.is("Cancelled")).count() == 1);

    browser.findElement(By.id("resume")).click();

    waitFor(ExpectedConditions.textToBe(status, "Running"));
    assertThat(experiment(id).path("status").asString()).isEqualTo("RUNNING");
    assertThat(browser.findElement(By.id("stop")).isEnabled()).isTrue();
    waitFor(driver -> table().stream().filter(row -> row.is("Running")).count() == 1);

    browser.findElement(By.id("stop")).click();
    waitFor(ExpectedConditions.textToBe(status, "Stopped"));
  }

  @Test
  void filtersSortsAndPagesOnTheServerAndKeepsTheViewInTheAddress() {
    String id = finishedExperiment();
    List<JsonNode> all = list(trials(id));
    openExperiment(id);
    assertThat(table()).hasSize(25);

    new Select(browser.findElement(By.id("filter-status"))).selectByValue("FAILED");
    browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
    List<String> failed = ids(all.stream().filter(t -> status(t).equals("FAILED")).toList());
    waitFor(driver -> shownIds().size() == 5);
    assertThat(shownIds()).containsExactlyInAnyOrderElementsOf(failed);
    assertThat(table()).allMatch(row -> row.is("Failed"));
    assertThat(search()).isEqualTo("?status=FAILED");
    assertSameViewAfterReload(id);
    assertThat(
            new Select(browser.findElement(By.id("filter-status")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Failed");

    browser.findElement(By.id("clear-filters")).click();
    waitFor(driver -> shownIds().size() == 25);
    browser.findElement(By.id("filter-sequence")).sendKeys("5..9");
    browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
    waitFor(driver -> shownIds().size() == 5);
    assertThat(table()).extracting(Row::sequence).containsExactly(9, 8, 7, 6, 5);
    assertThat(search()).isEqualTo("?sequence=5..9");
    assertSameViewAfterReload(id);

    browser.findElement(By.id("clear-filters")).click();
    waitFor(driver -> shownIds().size() == 25);
    browser.findElement(By.cssSelector("th[data-sort=finalMetric] button")).click();
    List<String> byMetric =
        ids(
            all.stream()
                .sorted(
                    Comparator.comparing(
                            (JsonNode t) ->
                                t.path("finalMetric").isNumber()
                                    ? -t.path("finalMetric").asDouble()
                                    : Double.MAX_VALUE)
                        .thenComparing(t -> t.path("sequenceId").asInt()))
                .toList());
    waitFor(driver -> shownIds().equals(byMetric));
    assertThat(metricHeader().getAttribute("aria-sort")).isEqualTo("descending");

    new Select(browser.findElement(By.id("page-size"))).selectByValue("20");
    waitFor(driver -> shownIds().equals(byMetric.subList(0, 20)));
    browser.findElement(By.id("next-page")).click();
    waitFor(driver -> shownIds().equals(byMetric.subList(20, 25)));
    assertThat(text(By.id("page-info"))).isEqualTo("Page 2 of 2 · 25 trials");
    assertThat(browser.findElement(By.id("next-page")).isEnabled()).isFalse();
    assertThat(search()).isEqualTo("?sort=-finalMetric&page=1&size=20");
    assertSameViewAfterReload(id);
    assertThat(metricHeader().getAttribute("aria-sort")).isEqualTo("descending");
    assertThat(text(By.id("page-info"))).isEqualTo("Page 2 of 2 · 25 trials");
    assertThat(browser.findElement(By.id("prev-page")).isEnabled()).isTrue();
  }

  @Test
  void addsACustomisedTrialClonedFromARow() {
    String id =
        created(
            """
            searchSpace:
              x: {_type: uniform, _value: [0, 1]}
              k: {_type: choice, _value: [a, b]}
            trialCommand: sleep 300
            trialCodeDirectory: %s
            trialConcurrency: 1
            maxTrialNumber: 4
            tuner: {name: Random}
            """
                .formatted(codeFolder()));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    JsonNode original = trials(id).get(0);
    openExperiment(id);
    WebElement dialog = browser.findElement(By.id("trial-dialog"));

    click(inRow(original.path("trialId").asString(), "button.clone"));

    assertThat(dialog.isDisplayed()).isTrue();
    WebElement x = browser.findElement(By.cssSelector("#trial-params input[name=x]"));
    WebElement k = browser.findElement(By.cssSelector("#trial-params input[name=k]"));
    assertThat(Double.parseDouble(x.getAttribute("value")))
        .isEqualTo(original.path("parameters").path("x").asDouble());
    assertThat(k.getAttribute("value"))
        .isEqualTo("\"" + original.path("parameters").path("k").asString() + "\"");
    x.clear();
    x.sendKeys("7");
    browser.findElement(By.id("trial-submit")).click();
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("trial-error"), "x"));
    assertThat(text(By.id("trial-error"))).contains("parameters.x");
    expectRefused("/api/v1/experiments/" + id + "/trials");
    assertThat(dialog.isDisplayed()).isTrue();

    x.clear();
    x.sendKeys("0.25");
    browser.findElement(By.id("trial-submit")).click();

    waitFor(ExpectedConditions.invisibilityOf(dialog));
    waitFor(driver -> table().size() == 2);
    JsonNode added =
        list(trials(id)).stream()
            .filter(t -> t.path("parameterSource").asString().equals("customized"))
            .findFirst()
            .orElseThrow();
    assertThat(added.path("parameters").path("x").asDouble()).isEqualTo(0.25);
    assertThat(added.path("parameters").path("k")).isEqualTo(original.path("parameters").path("k"));
    String addedId = added.path("trialId").asString();
    waitFor(ExpectedConditions.textToBe(statusOf(addedId), "Waiting"));
    assertThat(text(inRow(addedId, "td:nth-child(5)"))).isEqualTo("0.25");
    assertThat(text(inRow(addedId, "td:nth-child(6)")))
        .isEqualTo(original.path("parameters").path("k").asString());
  }

  @Test
  void comparesTheSelectedTrials() {
    String id = finishedExperiment();
    openExperiment(id);
    assertThat(browser.findElement(By.id("compare")).isEnabled()).isFalse();

    click(By.cssSelector("#trials tbody tr:nth-child(1) input.select"));
    click(By.cssSelector("#trials tbody tr:nth-child(2) input.select"));
    browser.findElement(By.id("compare")).click();

    waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("comparison")));
    assertThat(text(By.cssSelector("#comparison-table thead"))).isEqualTo("Trial No. 24 23");
    assertThat(text(By.cssSelector("#comparison-table tbody"))).contains("Status", "x", "Metric");
  }

  @Test
  void theKeyboardReachesTheTableAndMovesBetweenTabs() {
    String id = finishedExperiment();
    openExperiment(id);
    WebElement first = rows().get(0);

    Actions keys = new Actions(browser);
    for (int i = 0; i < 60 && !focused().equals(select(first)); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(focused()).isEqualTo(select(first));
    keys.sendKeys(Keys.SPACE).perform();
    assertThat(first.getAttribute("class")).contains("selected");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(focused().getTagName()).isEqualTo("a");
    keys.sendKeys(Keys.TAB).perform();
    assertThat(focused().getAttribute("class")).isEqualTo("clone");

    WebElement trialsTab = browser.findElement(By.id("tab-trials"));
    WebElement chartsTab = browser.findElement(By.id("tab-charts"));
    trialsTab.sendKeys(Keys.ARROW_RIGHT);

    assertThat(chartsTab.getAttribute("aria-selected")).isEqualTo("true");
    assertThat(focused()).isEqualTo(chartsTab);
    assertThat(browser.findElement(By.id("panel-trials")).isDisplayed()).isFalse();
    awaitChartsRendered();
    assertThat(script("return location.hash")).isEqualTo("#charts");

    chartsTab.sendKeys(Keys.ARROW_RIGHT);
    assertThat(trialsTab.getAttribute("aria-selected")).isEqualTo("true");
    assertThat(focused()).isEqualTo(trialsTab);
    assertThat(browser.findElement(By.id("panel-trials")).isDisplayed()).isTrue();
  }

  @Test
  void pagesLeftBehindCloseTheirStreamAndReopenItWhenComeBackTo() {
    String id = created(sleepingConfig("maxTrialNumber: 1\ntrialConcurrency: 1"));
    // Each page left goes into the back/forward cache; were its stream still open, the browser's
    // six connections to the server would be used up by the sixth page and nothing would load.
    // A page that cannot load fails the test instead of holding it for the five-minute default.
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
    try {
      for (int visit = 0; visit < 8; visit++) {
        openExperiment(id + (visit % 2 == 0 ? "" : "?sort=sequenceId"));
      }
    } finally {
      browser.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
    }
    script("window.marker = 'the same page'");
    open("/v3/api-docs");

    browser.navigate().back();

    assertThat(script("return window.marker")).isEqualTo("the same page");
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-state=open]")));
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
    waitFor(ExpectedConditions.textToBe(By.cssSelector("#status [data-col=status]"), "Stopped"));
  }

  // --- experiments

  private String created(String yaml) {
    String id = create(yaml);
    created.add(id);
    return id;
  }

  private static String sleepingConfig(String extra) {
    return """
        searchSpace: {x: {_type: uniform, _value: [0, 1]}}
        trialCommand: sleep 300
        trialCodeDirectory: %s
        tuner: {name: Random}
        %s
        """
        .formatted(codeFolder(), extra);
  }

  /** 25 finished trials, one for each x in 0..24; the five with x a multiple of 5 failed. */
  private String finishedExperiment() {
    if (finished == null) {
      finished =
          create(
              """
              experimentName: finished
              searchSpace: {x: {_type: choice, _value: [%s]}}
              trialCommand: %s python3 train.py
              trialCodeDirectory: %s
              trialConcurrency: 4
              tuner: {name: GridSearch, classArgs: {optimize_mode: maximize}}
              """
                  .formatted(
                      String.join(", ", IntStream.range(0, 25).mapToObj(String::valueOf).toList()),
                      PYTHON_SDK,
                      codeFolder("train.py", QUICK_TRIAL)));
      JsonNode done = awaitStatus(finished, "DONE", "ERROR");
      assertThat(done.path("trialCounts").path("FAILED").asInt()).isEqualTo(5);
    }
    return finished;
  }

  private JsonNode trial(String id, String trialId) {
    return api().get("/api/v1/experiments/" + id + "/trials/" + trialId).json(200);
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> ids(List<JsonNode> trials) {
    return trials.stream().map(t -> t.path("trialId").asString()).toList();
  }

  private static String status(JsonNode trial) {
    return trial.path("status").asString();
  }

  // --- the page

  /** Opens the experiment's page and waits until its module runs and the stream is connected. */
  private void openExperiment(String idAndMore) {
    open("/experiments/" + idAndMore);
    waitFor(driver -> "true".equals(script("return document.documentElement.dataset.ready")));
    waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-state=open]")));
  }

  private Object script(String code, Object... arguments) {
    return browser.executeScript(code, arguments);
  }

  /** A row of the trials table as it is shown: its trial, number, status and metric. */
  private record Row(String id, int sequence, String status, String metric, boolean latest) {
    boolean is(String status) {
      return this.status.equals(status);
    }

    boolean is(String status, String metric) {
      return is(status) && this.metric.equals(metric);
    }
  }

  /** The table's rows, read at one instant: the table is redrawn whenever something changes. */
  @SuppressWarnings("unchecked")
  private List<Row> table() {
    List<List<Object>> rows =
        (List<List<Object>>)
            script(
                """
                return [...document.querySelectorAll('#trials tbody tr[data-trial]')].map((row) => {
                  const metric = row.querySelector('[data-col=metric]');
                  return [row.dataset.trial, row.cells[1].textContent,
                          row.querySelector('[data-col=status]').textContent,
                          metric.textContent, metric.classList.contains('latest')];
                });
                """);
    return rows.stream()
        .map(
            row ->
                new Row(
                    (String) row.get(0),
                    Integer.parseInt(((String) row.get(1)).strip()),
                    ((String) row.get(2)).strip(),
                    ((String) row.get(3)).strip(),
                    (Boolean) row.get(4)))
        .toList();
  }

  private List<String> shownIds() {
    return table().stream().map(Row::id).toList();
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#trials tbody tr[data-trial]"));
  }

  private static By inRow(String trialId, String css) {
    return By.cssSelector("#trials tbody tr[data-trial='" + trialId + "'] " + css);
  }

  private static By statusOf(String trialId) {
    return inRow(trialId, "[data-col=status]");
  }

  /** Clicks, finding the element again when the table was redrawn under it. */
  private void click(By locator) {
    waitFor(
        driver -> {
          try {
            driver.findElement(locator).click();
            return true;
          } catch (StaleElementReferenceException redrawn) {
            return false;
          }
        });
  }

  private static WebElement select(WebElement row) {
    return row.findElement(By.cssSelector("input.select"));
  }

  private WebElement metricHeader() {
    return browser.findElement(By.cssSelector("th[data-sort=finalMetric]"));
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private String search() {
    return (String) script("return location.search");
  }

  private void apply(WebElement input, String value) {
    input.clear();
    input.sendKeys(value);
    browser.findElement(By.id("save-edits")).click();
  }

  /**
   * Takes the one console error that a refused request leaves: Chromium logs every 4xx answer to a
   * fetch, even one the page handles. Any other error still fails the test.
   */
  private void expectRefused(String path) {
    assertThat(consoleErrors())
        .singleElement(InstanceOfAssertFactories.STRING)
        .endsWith(
            path + " - Failed to load resource: the server responded with a status of 400 ()");
  }

  private void awaitChartsRendered() {
    for (String chart : List.of("finals", "parallel", "intermediates", "durations")) {
      waitFor(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("[data-chart=" + chart + "][data-rendered]")));
    }
  }

  /**
   * Reloads and checks that the same rows come back, and that the server drew them: its HTML for
   * this address holds exactly these rows, in this order.
   */
  private void assertSameViewAfterReload(String id) {
    List<String> before = shownIds();
    String search = search();
    browser.navigate().refresh();
    waitFor(driver -> "true".equals(script("return document.documentElement.dataset.ready")));
    assertThat(search()).isEqualTo(search);
    assertThat(shownIds()).isEqualTo(before);
    String html = api().get("/experiments/" + id + search).body();
    List<String> drawn = new ArrayList<>();
    Matcher rows = Pattern.compile("<tr data-trial=\"([^\"]+)\"").matcher(html);
    while (rows.find()) {
      drawn.add(rows.group(1));
    }
    assertThat(drawn).isEqualTo(before);
  }
}
