package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An assessor judging real trials from their intermediate results. */
class AssessorTest extends IntegrationTest {

  private static final String TRIAL =
      """
      import time, tunelab
      q = tunelab.get_next_parameter()["q"]
      for step in range(15):
          tunelab.report_intermediate_result(q)
          time.sleep(0.1)
      tunelab.report_final_result(q)
      """;

  @Test
  void medianstopEndsTrialsThatFallBehindTheCompletedOnes() {
    String id =
        create(
            """
            searchSpace: {q: {_type: choice, _value: [0.9, 0.1, 0.2]}}
            trialCommand: %s python3 train.py
            trialCodeDirectory: %s
            trialConcurrency: 1
            tuner: {name: GridSearch}
            assessor: {name: Medianstop, classArgs: {optimize_mode: maximize, start_step: 2}}
            """
                .formatted(PYTHON_SDK, codeFolder("train.py", TRIAL)));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");

    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(1);
    assertThat(done.path("trialCounts").path("EARLY_STOPPED").asInt()).isEqualTo(2);
    for (JsonNode trial : trials(id)) {
      if (trial.path("status").asString().equals("EARLY_STOPPED")) {
        assertThat(trial.path("message").asString())
            .startsWith("stopped early by the Medianstop assessor after");
        assertThat(trial.path("metricCount").asInt()).isLessThan(15);
      }
    }
  }

  @Test
  void rejectsAssessorArgumentsOutOfRange() {
    JsonNode problem =
        api()
            .post(
                "/api/v1/experiments",
                "application/yaml",
                "searchSpace: {}\ntrialCommand: exit 0\ntrialCodeDirectory: %s\ntrialConcurrency: 1\ntuner: {name: Random}\nassessor: {name: Curvefitting, classArgs: {epoch_num: 0, gap: 0}}\n"
                    .formatted(codeFolder()))
            .json(400);

    assertThat(problem.path("errors").findValuesAsString("field"))
        .anyMatch(field -> field.startsWith("assessor.classArgs."));
  }
}
