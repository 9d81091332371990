package dev.tunelab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.Api;
import dev.tunelab.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages' first views as the server renders them, before any script runs: what a slow browser
 * shows first and what the scripts go on from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest extends IntegrationTest {

  private static final String HOSTILE = "</script><script>alert(1)</script>";
  private static final Pattern ROW = Pattern.compile("<tr data-trial=\"(\\w+)\"");
  private static final Pattern INITIAL =
      Pattern.compile("<script id=\"initial\" type=\"application/json\">(.*?)</script>");

  private String experiment;
  private List<JsonNode> trials;

  @BeforeAll
  void runSixTrials() {
    experiment =
        create(
            """
            searchSpace:
              x: {_type: uniform, _value: [0, 1]}
              name: {_type: choice, _value: [plain, "%s"]}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 6
            tuner: {name: Random, classArgs: {seed: 3, optimize_mode: maximize}}
            """
                .formatted(
                    HOSTILE,
                    PYTHON_SDK,
                    codeFolder(
                        "train.py",
                        """
                        import tunelab
                        tunelab.report_final_result(tunelab.get_next_parameter()["x"])
                        """)));
    awaitStatus(experiment, "DONE", "ERROR");
    trials = new ArrayList<>();
    trials(experiment).forEach(trials::add);
  }

  @Test
  void theExperimentPageShowsTheNewestTrialsFirstWithAColumnPerParameter() {
    String html = page("/experiments/" + experiment);

    assertThat(rows(html))
        .containsExactlyElementsOf(
            trials.stream()
                .sorted((a, b) -> b.path("sequenceId").asInt() - a.path("sequenceId").asInt())
                .map(t -> t.path("trialId").asString())
                .toList());
    assertThat(html).contains(">x</th>", ">name</th>", "Page 1 of 1 · 6 trials", "Done");
    JsonNode initial = initial(html);
    assertThat(initial.path("parameters").toString()).isEqualTo("[\"x\",\"name\"]");
    assertThat(initial.path("cursors").path("events").asLong()).isPositive();
    assertThat(initial.path("cursors").path("metrics").asLong()).isPositive();
    assertThat(initial.path("page").path("total").asInt()).isEqualTo(6);
  }

  @Test
  void valuesFromTrialsCannotCloseTheScriptOrInjectMarkup() {
    String html = page("/experiments/" + experiment);

    assertThat(html).doesNotContain(HOSTILE);
    assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    JsonNode searchSpace = initial(html).path("experiment").path("config").path("searchSpace");
    assertThat(searchSpace.path("name").path("_value").get(1).asString()).isEqualTo(HOSTILE);
  }

  @Test
  void theAddressChoosesSortPageAndSizeOnTheServer() {
    String html = page("/experiments/" + experiment + "?sort=finalMetric&size=2&page=1");

    List<String> byMetric =
        trials.stream()
            .sorted(
                (a, b) ->
                    Double.compare(
                        a.path("finalMetric").asDouble(), b.path("finalMetric").asDouble()))
            .map(t -> t.path("trialId").asString())
            .toList();
    assertThat(rows(html)).containsExactlyElementsOf(byMetric.subList(2, 4));
    assertThat(html).contains("Page 2 of 3 · 6 trials", "aria-sort");
  }

  @Test
  void anAddressTheTableCannotReadShowsEveryTrialAndSaysWhy() {
    Api.Response response = api().get("/experiments/" + experiment + "?status=SLEEPING");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("status", "SLEEPING", "showing all trials");
    assertThat(rows(response.body())).hasSize(6);
  }

  @Test
  void theTrialPageShowsParametersStatusAndMetric() {
    JsonNode trial = trials.get(0);
    String html =
        page("/experiments/" + experiment + "/trials/" + trial.path("trialId").asString());

    assertThat(html)
        .contains("Trial " + trial.path("sequenceId").asInt(), "Succeeded", "&quot;x&quot;");
    assertThat(initial(html).path("trial").path("trialId").asString())
        .isEqualTo(trial.path("trialId").asString());
  }

  @Test
  void unknownExperimentsAndTrialsAreReadable404Pages() {
    Api.Response experimentPage = api().get("/experiments/nosuchexp");
    Api.Response trialPage = api().get("/experiments/" + experiment + "/trials/NOPE1");

    assertThat(experimentPage.status()).isEqualTo(404);
    assertThat(experimentPage.body())
        .contains("Not found", "nosuchexp")
        .doesNotContain("Exception");
    assertThat(trialPage.status()).isEqualTo(404);
    assertThat(trialPage.body()).contains("NOPE1").doesNotContain("Exception");
  }

  @Test
  void theExperimentsPageListsEveryExperimentWithItsBestMetric() {
    String html = page("/");

    assertThat(html).contains("data-experiment=\"" + experiment + "\"", "6 / 6");
    double best =
        trials.stream().mapToDouble(t -> t.path("finalMetric").asDouble()).max().orElseThrow();
    assertThat(html).contains(new PageFormat().number(best));
  }

  private String page(String path) {
    Api.Response response = api().get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    return response.body();
  }

  private static List<String> rows(String html) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = ROW.matcher(html);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static JsonNode initial(String html) {
    Matcher matcher = INITIAL.matcher(html);
    assertThat(matcher.find()).as("the page embeds its initial data").isTrue();
    return JsonMapper.builder().build().readTree(matcher.group(1));
  }
}
