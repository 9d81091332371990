package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whole experiments through the REST API, with real Python trials. */
class EndToEndTest extends IntegrationTest {

  private static final String SDK_TRIAL =
      """
      import tunelab
      params = tunelab.get_next_parameter()
      for epoch in range(5):
          tunelab.report_intermediate_result(params["lr"] * epoch)
      tunelab.report_final_result({"default": params["lr"] * 10, "loss": 1 - params["lr"]})
      """;

  /** Writes NNI's frames by hand, as NNI's file protocol defines them, NaN included. */
  private static final String FRAME_TRIAL =
      """
      import json, os
      sys_dir = os.environ["NNI_SYS_DIR"]
      record = json.load(open(os.path.join(sys_dir, "parameter.cfg")))
      def report(kind, sequence, value):
          payload = (json.dumps({"parameter_id": record["parameter_id"],
                                 "trial_job_id": os.environ["NNI_TRIAL_JOB_ID"],
                                 "type": kind, "sequence": sequence,
                                 "value": json.dumps(value)}) + "\\n").encode("utf8")
          with open(os.path.join(sys_dir, ".nni", "metrics"), "ab") as f:
              f.write(b"ME%06d" % len(payload) + payload)
      x = record["parameters"]["x"]
      report("PERIODICAL", 0, float("nan"))
      report("PERIODICAL", 1, x / 2)
      report("FINAL", 0, x)
      """;

  @Test
  void runsTenTrialsFromYamlWithTheTunelabSdk() {
    Path code = codeFolder("train.py", SDK_TRIAL);
    String id =
        create(
            """
            experimentName: sdk
            search_space:
              lr: {_type: loguniform, _value: [0.001, 0.1]}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 10
            tuner: {name: Random, classArgs: {seed: 3}}
            trainingService: {platform: local}
            """
                .formatted(PYTHON_SDK, code));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");

    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(10);
    assertThat(done.path("submittedTrials").asInt()).isEqualTo(10);
    assertThat(done.path("bestTrial").path("value").asDouble()).isBetween(0.01, 1.0);
    for (JsonNode trial : trials(id)) {
      assertThat(trial.path("status").asString()).isEqualTo("SUCCEEDED");
      double lr = trial.path("parameters").path("lr").asDouble();
      assertThat(trial.path("finalMetric").asDouble())
          .isCloseTo(lr * 10, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(trial.path("metricCount").asInt()).isEqualTo(6);
      JsonNode periodical =
          api()
              .get(
                  "/api/v1/experiments/"
                      + id
                      + "/trials/"
                      + trial.path("trialId").asString()
                      + "/metrics?type=PERIODICAL")
              .json(200)
              .path("items");
      assertThat(periodical).hasSize(5);
      assertThat(periodical.get(4).path("value").asDouble())
          .isCloseTo(lr * 4, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void runsTenTrialsThatWriteNniFramesThemselves() {
    Path code = codeFolder("trial.py", FRAME_TRIAL);
    String id =
        create(
            """
            searchSpace: {x: {_type: randint, _value: [0, 100]}}
            trialCommand: python3 trial.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 10
            tuner: {name: Random}
            """
                .formatted(code));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");

    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(10);
    List<JsonNode> metrics = new ArrayList<>();
    api()
        .get("/api/v1/experiments/" + id + "/metrics?limit=1000")
        .json(200)
        .path("items")
        .forEach(metrics::add);
    assertThat(metrics).hasSize(30);
    assertThat(metrics)
        .filteredOn(metric -> metric.path("data").asString().equals("NaN"))
        .hasSize(10)
        .allMatch(metric -> metric.path("value").isNull());
    for (JsonNode trial : trials(id)) {
      assertThat(trial.path("finalMetric").asDouble())
          .isEqualTo(trial.path("parameters").path("x").asDouble());
    }
  }
}
