package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

/**
 * A trial script written for NNI runs unchanged with NNI's own SDK from PyPI. {@code .ci/run}
 * installs it in a virtual environment and sets {@code TUNELAB_TEST_NNI_PYTHON} to its python.
 */
@EnabledIfEnvironmentVariable(named = "TUNELAB_TEST_NNI_PYTHON", matches = ".+")
class NniSdkTest extends IntegrationTest {

  private static final String NNI_TRIAL =
      """
      import nni
      params = nni.get_next_parameter()
      for epoch in range(3):
          nni.report_intermediate_result({"default": params["lr"] * epoch, "loss": 1 / (epoch + 1)})
      nni.report_final_result(params["lr"] * 10)
      """;

  @Test
  void runsATrialThatOnlyImportsNni() {
    Path code = codeFolder("mnist.py", NNI_TRIAL);
    String id =
        create(
            """
            searchSpace: {lr: {_type: loguniform, _value: [0.001, 0.1]}}
            trialCommand: %s mnist.py
            trialCodeDirectory: %s
            trialConcurrency: 2
            maxTrialNumber: 4
            tuner: {name: Random}
            """
                .formatted(System.getenv("TUNELAB_TEST_NNI_PYTHON"), code));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");

    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(4);
    for (JsonNode trial : trials(id)) {
      double lr = trial.path("parameters").path("lr").asDouble();
      assertThat(trial.path("finalMetric").asDouble())
          .isCloseTo(lr * 10, org.assertj.core.data.Offset.offset(1e-9));
      JsonNode periodical =
          api()
              .get(
                  "/api/v1/experiments/"
                      + id
                      + "/trials/"
                      + trial.path("trialId").asString()
                      + "/metrics")
              .json(200)
              .path("items");
      assertThat(periodical).hasSize(3);
      assertThat(periodical.get(2).path("value").asDouble())
          .isCloseTo(lr * 2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(periodical.get(2).path("data").asString()).contains("\"loss\"");
    }
  }
}
