package dev.tunelab.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.Api.Response;
import dev.tunelab.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Reading an experiment's results: lists, statistics and exports, of one finished grid. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsTest extends IntegrationTest {

  private static final String TRIAL =
      """
      import os, tunelab
      p = tunelab.get_next_parameter()
      if p["model"]["_name"] == "broken":
          raise SystemExit(4)
      tunelab.report_final_result({"default": p["model"].get("lr", 0.5), "loss": 0.25})
      """;

  private String id;

  @BeforeAll
  void runAGrid() {
    id =
        create(
            """
            experimentName: results
            searchSpace:
              model:
                _type: choice
                _value:
                  - {_name: linear, lr: {_type: choice, _value: [0.1, 0.2]}}
                  - {_name: broken}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 3
            tuner: {name: GridSearch}
            """
                .formatted(PYTHON_SDK, codeFolder("train.py", TRIAL)));
    awaitStatus(id, "DONE");
  }

  @Test
  void countsTrialsByStatusAsNniDoes() {
    JsonNode statistics = api().get("/api/v1/experiments/" + id + "/statistics").json(200);

    assertThat(statistics).hasSize(2);
    assertThat(statistics.get(0).path("trialJobStatus").asString()).isEqualTo("SUCCEEDED");
    assertThat(statistics.get(0).path("trialJobNumber").asInt()).isEqualTo(2);
    assertThat(statistics.get(1).path("trialJobStatus").asString()).isEqualTo("FAILED");
    assertThat(statistics.get(1).path("trialJobNumber").asInt()).isEqualTo(1);
  }

  @Test
  void exportsSucceededTrialsInNnisShape() {
    JsonNode export = api().get("/api/v1/experiments/" + id + "/export").json(200);

    assertThat(export).hasSize(2);
    assertThat(export.get(0).path("parameter").path("model").path("_name").asString())
        .isEqualTo("linear");
    assertThat(export.get(0).path("value").path("default").asDouble())
        .isEqualTo(export.get(0).path("parameter").path("model").path("lr").asDouble());
    assertThat(export.get(0).path("trialJobId").asString()).hasSize(5);
  }

  @Test
  void exportsCsvWithFlattenedParametersAndMetrics() {
    Response csv = api().get("/api/v1/experiments/" + id + "/export?format=csv");

    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("trialJobId,sequenceId,model._name,model.lr,default,loss");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains(",linear,0.1,0.1,0.25");
  }

  @Test
  void listsTrialsFilteredAndSortedOnTheServer() {
    JsonNode best =
        api()
            .get("/api/v1/experiments/" + id + "/trials?status=SUCCEEDED&sort=-finalMetric&size=1")
            .json(200);

    assertThat(best.path("total").asInt()).isEqualTo(2);
    assertThat(best.path("items")).hasSize(1);
    assertThat(best.path("items").get(0).path("finalMetric").asDouble()).isEqualTo(0.2);
    JsonNode failed =
        api().get("/api/v1/experiments/" + id + "/trials?status=failed").json(200).path("items");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("exitCode").asInt()).isEqualTo(4);
  }

  @Test
  void showsTheBestTrialAndCountsOnTheExperiment() {
    JsonNode experiment = experiment(id);

    assertThat(experiment.path("bestTrial").path("value").asDouble()).isEqualTo(0.2);
    assertThat(experiment.path("optimizeMode").asString()).isEqualTo("maximize");
    assertThat(experiment.path("trialCounts").path("FAILED").asInt()).isEqualTo(1);
    JsonNode listed = api().get("/api/v1/experiments?size=1000").json(200);
    assertThat(listed.path("items").findValuesAsString("id")).contains(id);
  }
}
