package dev.tunelab.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Customised trials: parameters from the user, run like any trial (NNI's "customized trial"). */
class CustomizedTrialTest extends IntegrationTest {

  private static final String TRIALS = "/trials";

  @Test
  void aCustomisedTrialWaitsForASlotAndRunsWithoutAParameterId() throws Exception {
    String id = create(config("maxTrialNumber: 3\ntrialConcurrency: 1"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);

    JsonNode trial =
        api()
            .post(path(id), "application/json", "{\"parameters\": {\"x\": 0.25, \"k\": \"b\"}}")
            .json(201);

    assertThat(trial.path("parameterSource").asString()).isEqualTo("customized");
    assertThat(trial.path("parameterId").isNull()).isTrue();
    assertThat(trial.path("status").asString()).isEqualTo("WAITING");
    String trialId = trial.path("trialId").asString();
    String first = trials(id).get(0).path("trialId").asString();
    api().post(path(id) + "/" + first + "/cancel").json(202);
    JsonNode started = awaitTrial(id, trialId, t -> t.path("status").asString().equals("RUNNING"));
    JsonNode record =
        JsonMapper.builder()
            .build()
            .readTree(
                Files.readString(Path.of(started.path("directory").asString(), "parameter.cfg")));
    assertThat(record.path("parameter_source").asString()).isEqualTo("customized");
    assertThat(record.path("parameter_id").isNull()).isTrue();
    assertThat(record.path("parameters").path("x").asDouble()).isEqualTo(0.25);
    assertThat(experiment(id).path("submittedTrials").asInt()).isEqualTo(2);
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void parametersOutsideTheSearchSpaceAreA400NamingEachOne() {
    String id = create(config("trialConcurrency: 1"));

    JsonNode problem =
        api()
            .post(path(id), "application/json", "{\"parameters\": {\"x\": 7, \"y\": 1}}")
            .json(400);

    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("parameters.x", "parameters.k", "parameters.y");
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void aStoppedExperimentTakesNoCustomisedTrial() {
    String id = create(config("trialConcurrency: 1"));
    api().post("/api/v1/experiments/" + id + "/stop").json(200);

    JsonNode problem =
        api()
            .post(path(id), "application/json", "{\"parameters\": {\"x\": 0.5, \"k\": \"a\"}}")
            .json(409);

    assertThat(problem.path("detail").asString()).contains("not running");
  }

  @Test
  void aUsedUpTrialBudgetTakesNoCustomisedTrial() {
    String id = create(config("maxTrialNumber: 1\ntrialConcurrency: 2"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);

    JsonNode problem =
        api()
            .post(path(id), "application/json", "{\"parameters\": {\"x\": 0.5, \"k\": \"a\"}}")
            .json(409);

    assertThat(problem.path("detail").asString()).contains("budget");
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  private JsonNode awaitTrial(
      String id, String trialId, java.util.function.Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> condition.test(last[0] = api().get(path(id) + "/" + trialId).json(200)));
    return last[0];
  }

  private static String path(String id) {
    return "/api/v1/experiments/" + id + TRIALS;
  }

  private static String config(String extra) {
    return """
        searchSpace:
          x: {_type: uniform, _value: [0, 1]}
          k: {_type: choice, _value: [a, b]}
        trialCommand: sleep 300
        trialCodeDirectory: %s
        tuner: {name: Random}
        %s
        """
        .formatted(codeFolder(), extra);
  }
}
