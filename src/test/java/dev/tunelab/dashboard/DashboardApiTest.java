package dev.tunelab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import dev.tunelab.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The API behind the dashboard: chart data, the change stream and the trial change feed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest extends IntegrationTest {

  /** 500 intermediate results on a curve with one spike, then the final result x. */
  private static final String CURVE_TRIAL =
      """
      import tunelab
      x = tunelab.get_next_parameter()["x"]
      for step in range(500):
          tunelab.report_intermediate_result(100.0 if step == 321 else x * step / 500)
      tunelab.report_final_result(x)
      """;

  private String finished;

  @BeforeAll
  void runTenTrials() {
    finished =
        create(
            """
            searchSpace: {x: {_type: uniform, _value: [0, 1]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 10
            tuner: {name: Random, classArgs: {seed: 5, optimize_mode: maximize}}
            """
                .formatted(PYTHON_SDK, codeFolder("train.py", CURVE_TRIAL)));
    awaitStatus(finished, "DONE", "ERROR");
  }

  @Test
  void finalsComeInTrialOrderAndTopKeepsTheBestPercent() {
    JsonNode all = charts("finals").json(200);

    assertThat(all.path("optimizeMode").asString()).isEqualTo("maximize");
    List<JsonNode> points = list(all.path("points"));
    assertThat(points).hasSize(10);
    assertThat(points).extracting(p -> p.path("sequenceId").asInt()).isSorted();
    assertThat(points)
        .allMatch(p -> p.path("value").asDouble() == p.path("parameters").path("x").asDouble());

    List<JsonNode> best = list(charts("finals?top=20").json(200).path("points"));

    List<Double> topTwo =
        points.stream()
            .map(p -> p.path("value").asDouble())
            .sorted(Comparator.reverseOrder())
            .limit(2)
            .toList();
    assertThat(best)
        .extracting(p -> p.path("value").asDouble())
        .containsExactlyInAnyOrderElementsOf(topTwo);
  }

  @Test
  void durationsCoverEveryStartedTrial() {
    List<JsonNode> durations = list(charts("durations").json(200));

    assertThat(durations).hasSize(10);
    assertThat(durations).allMatch(d -> d.path("status").asString().equals("SUCCEEDED"));
    assertThat(durations).allMatch(d -> d.path("seconds").asDouble() > 0);
  }

  @Test
  void intermediatesAreDownsampledWithoutLosingTheSpikeOrTheEnds() {
    List<JsonNode> series = list(charts("intermediates").json(200));

    assertThat(series).hasSize(10);
    for (JsonNode trial : series) {
      assertThat(trial.path("total").asInt()).isEqualTo(500);
      List<JsonNode> points = list(trial.path("points"));
      assertThat(points).hasSizeLessThanOrEqualTo(300);
      assertThat(points.get(0).get(0).asDouble()).isZero();
      assertThat(points.get(points.size() - 1).get(0).asDouble()).isEqualTo(499);
      assertThat(points).anyMatch(p -> p.get(1).asDouble() == 100.0);
    }

    String two =
        series.get(3).path("trialId").asString() + "," + series.get(7).path("trialId").asString();
    List<JsonNode> chosen = list(charts("intermediates?points=20&trials=" + two).json(200));

    assertThat(chosen)
        .extracting(s -> s.path("trialId").asString())
        .containsExactly(two.split(","));
    assertThat(chosen).allMatch(s -> s.path("points").size() <= 20);
  }

  @Test
  void badChartParametersNameTheFieldAndWhatIsAllowed() {
    assertProblem(charts("finals?top=0"), "top", "above 0 and at most 100");
    assertProblem(charts("intermediates?points=2"), "points", "between 4 and 10000");
    String many = String.join(",", IntStream.range(0, 51).mapToObj(i -> "t" + i).toList());
    assertProblem(charts("intermediates?trials=" + many), "trials", "at most 50");
    assertThat(api().get("/api/v1/experiments/nope/charts/finals").status()).isEqualTo(404);
  }

  @Test
  void theStreamSaysWhenAnExperimentChangesAndTheFeedSaysWhat() throws Exception {
    Path go = TestFiles.temporaryFolder("go-").resolve("go");
    String waiting =
        """
        import os, time, tunelab
        tunelab.get_next_parameter()
        while not os.path.exists(%s):
            time.sleep(0.05)
        tunelab.report_final_result(1)
        """
            .formatted("'" + go + "'");
    String id =
        create(
            """
            searchSpace: {x: {_type: uniform, _value: [0, 1]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 1
            maxTrialNumber: 1
            tuner: {name: Random}
            """
                .formatted(PYTHON_SDK, codeFolder("train.py", waiting)));
    String base = "http://127.0.0.1:" + port;
    try (EventStream one = new EventStream(base + "/api/v1/experiments/" + id + "/stream");
        EventStream all = new EventStream(base + "/api/v1/stream")) {
      one.next("hello");
      all.next("hello");
      awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);

      JsonNode running =
          api().get("/api/v1/experiments/" + id + "/trials/changes?after=0").json(200);

      assertThat(running.path("experiment").path("id").asString()).isEqualTo(id);
      assertThat(running.path("trials")).hasSize(1);
      assertThat(running.path("trials").get(0).path("status").asString()).isEqualTo("RUNNING");
      long cursor = running.path("next").asLong();
      assertThat(cursor).isPositive();
      JsonNode nothingNew =
          api().get("/api/v1/experiments/" + id + "/trials/changes?after=" + cursor).json(200);
      assertThat(nothingNew.path("trials")).isEmpty();
      assertThat(nothingNew.path("next").asLong()).isEqualTo(cursor);

      Files.writeString(go, "");

      // As a page does: on each change, read the feed after the cursor, until the trial is done.
      JsonNode done;
      do {
        assertThat(one.next("change").data()).contains(id);
        done = api().get("/api/v1/experiments/" + id + "/trials/changes?after=" + cursor).json(200);
      } while (!done.path("experiment").path("status").asString().equals("DONE"));
      assertThat(all.next("change").data()).contains(id);
      assertThat(done.path("trials").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
      assertThat(done.path("trials").get(0).path("finalMetric").asDouble()).isEqualTo(1.0);
      assertThat(done.path("next").asLong()).isGreaterThan(cursor);
      assertThat(done.path("experiment").path("status").asString()).isEqualTo("DONE");
    }
  }

  @Test
  void anUnknownExperimentHasNoStream() {
    assertThat(api().get("/api/v1/experiments/nope/stream").status()).isEqualTo(404);
  }

  private dev.tunelab.Api.Response charts(String path) {
    return api().get("/api/v1/experiments/" + finished + "/charts/" + path);
  }

  private static void assertProblem(dev.tunelab.Api.Response response, String field, String says) {
    JsonNode problem = response.json(400);
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(problem.path("errors").get(0).path("message").asString()).contains(says);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
