package dev.tunelab.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The trial list's filters and sorts, on one finished grid of six trials. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialListTest extends IntegrationTest {

  private static final String TRIAL =
      """
      import tunelab
      p = tunelab.get_next_parameter()
      tunelab.report_final_result(p["lr"] * (2 if p["opt"] == "sgd" else 1))
      """;

  private String id;

  @BeforeAll
  void runAGrid() {
    id =
        create(
            """
            searchSpace:
              lr: {_type: choice, _value: [0.0001, 0.5, 3]}
              opt: {_type: choice, _value: [adam, sgd_1%%]}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 3
            tuner: {name: GridSearch}
            """
                .formatted(
                    PYTHON_SDK, codeFolder("train.py", TRIAL.replace("\"sgd\"", "\"sgd_1%\""))));
    awaitStatus(id, "DONE");
  }

  @Test
  void filtersByAParameterValueWrittenAsTheUserTypesIt() {
    assertThat(list("param=lr:0.0001")).hasSize(2);
    assertThat(list("param=lr:1e-4")).hasSize(2);
    assertThat(list("param=lr:3")).hasSize(2);
    assertThat(list("param=lr:3.0")).hasSize(2);
    assertThat(list("param=opt:adam")).hasSize(3);
    assertThat(list("param=opt:adam&param=lr:0.5"))
        .singleElement()
        .satisfies(t -> assertThat(t.path("parameters").path("lr").asDouble()).isEqualTo(0.5));
  }

  @Test
  void parameterValuesMatchLiterallyEvenWithLikeWildcards() {
    assertThat(list("param=opt:sgd_1%25")).hasSize(3);
    assertThat(list("param=opt:sgdx1%25")).isEmpty();
    assertThat(list("param=opt:sgd")).isEmpty();
  }

  @Test
  void filtersByTrialNumberAndFinalMetricRanges() {
    assertThat(list("sequence=1..3"))
        .extracting(t -> t.path("sequenceId").asInt())
        .containsExactly(1, 2, 3);
    assertThat(list("sequence=4")).extracting(t -> t.path("sequenceId").asInt()).containsExactly(4);
    assertThat(list("sequence=4..")).hasSize(2);
    assertThat(list("metric=1.."))
        .allSatisfy(t -> assertThat(t.path("finalMetric").asDouble()).isGreaterThanOrEqualTo(1));
    assertThat(list("metric=..0.5&status=SUCCEEDED")).hasSize(3);
  }

  @Test
  void sortsByFinalMetricDescending() {
    List<Double> metrics =
        list("sort=-finalMetric").stream().map(t -> t.path("finalMetric").asDouble()).toList();

    assertThat(metrics).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(6);
  }

  @Test
  void trialsWithoutAFinalMetricSortLastInBothDirections() {
    String failing =
        create(
            """
            searchSpace: {x: {_type: choice, _value: [0, 1, 2]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 3
            tuner: {name: GridSearch}
            """
                .formatted(
                    PYTHON_SDK,
                    codeFolder(
                        "train.py",
                        "import tunelab\nx = tunelab.get_next_parameter()['x']\n"
                            + "if x == 0: raise SystemExit(1)\ntunelab.report_final_result(x)\n")));
    awaitStatus(failing, "DONE");

    for (String sort : List.of("finalMetric", "-finalMetric")) {
      JsonNode items =
          api()
              .get("/api/v1/experiments/" + failing + "/trials?sort=" + sort)
              .json(200)
              .path("items");
      assertThat(items)
          .extracting(t -> t.path("finalMetric").isNull())
          .containsExactly(false, false, true);
    }
  }

  @Test
  void badFiltersAreNamedInA400() {
    JsonNode problem =
        api()
            .get("/api/v1/experiments/" + id + "/trials?sequence=a..b&param=lr&status=NOPE")
            .json(400);

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("sequence", "param", "status");
  }

  private List<JsonNode> list(String query) {
    JsonNode items =
        api().get("/api/v1/experiments/" + id + "/trials?" + query).json(200).path("items");
    return StreamSupport.stream(items.spliterator(), false).toList();
  }
}
