package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How experiments and trials move through their statuses, with real processes. */
class LifecycleTest extends IntegrationTest {

  @Test
  void aFailedTrialKeepsItsExitCodeAndTheEndOfItsStderr() {
    Path code =
        codeFolder("fail.sh", "echo 'loading data' >&2\necho 'CUDA out of memory' >&2\nexit 3\n");
    String id = create(config(code, "bash fail.sh", "maxTrialNumber: 2\ntrialConcurrency: 1"));

    awaitStatus(id, "DONE");

    JsonNode trial = trials(id).get(0);
    assertThat(trial.path("status").asString()).isEqualTo("FAILED");
    assertThat(trial.path("exitCode").asInt()).isEqualTo(3);
    assertThat(trial.path("message").asString())
        .contains("exit code 3")
        .contains("loading data\nCUDA out of memory");
  }

  @Test
  void aTrialPastMaxTrialDurationEndsEarlyStopped() {
    String id =
        create(
            config(
                codeFolder(),
                "sleep 30",
                "maxTrialNumber: 1\ntrialConcurrency: 1\nmaxTrialDuration: 1s"));

    awaitStatus(id, "DONE");

    JsonNode trial = trials(id).get(0);
    assertThat(trial.path("status").asString()).isEqualTo("EARLY_STOPPED");
    assertThat(trial.path("message").asString()).contains("maxTrialDuration (1s)");
  }

  @Test
  void cancellingATrialEndsItsWholeProcessTreeAndTheExperimentGoesOn() throws Exception {
    Path code = codeFolder("tree.sh", "sleep 300 &\necho $! > \"$NNI_SYS_DIR/child.pid\"\nwait\n");
    String id = create(config(code, "bash tree.sh", "maxTrialNumber: 2\ntrialConcurrency: 1"));
    JsonNode first = awaitFirstTrialRunning(id);
    Path childPid = Path.of(first.path("directory").asString(), "child.pid");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
    long child = Long.parseLong(Files.readString(childPid).trim());

    JsonNode cancelled =
        api()
            .post(
                "/api/v1/experiments/"
                    + id
                    + "/trials/"
                    + first.path("trialId").asString()
                    + "/cancel")
            .json(202);

    assertThat(cancelled.path("trialId").asString()).isEqualTo(first.path("trialId").asString());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    JsonNode experiment = awaitExperiment(id, e -> e.path("submittedTrials").asInt() == 2);
    assertThat(experiment.path("trialCounts").path("USER_CANCELED").asInt()).isEqualTo(1);
    assertThat(
            api().post("/api/v1/experiments/" + id + "/stop").json(200).path("status").asString())
        .isEqualTo("STOPPED");
    assertThat(trials(id))
        .allMatch(trial -> trial.path("status").asString().equals("USER_CANCELED"));
  }

  @Test
  void cancellingAFinishedTrialIsAConflict() {
    String id = create(config(codeFolder(), "exit 0", "maxTrialNumber: 1\ntrialConcurrency: 1"));
    awaitStatus(id, "DONE");
    String trialId = trials(id).get(0).path("trialId").asString();

    JsonNode problem =
        api().post("/api/v1/experiments/" + id + "/trials/" + trialId + "/cancel").json(409);

    assertThat(problem.path("detail").asString()).contains("already ended as SUCCEEDED");
  }

  @Test
  void stoppingEndsEveryRunningTrialAndResumingContinuesTheBudget() {
    String id = create(config(codeFolder(), "sleep 300", "maxTrialNumber: 4\ntrialConcurrency: 2"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 2);

    JsonNode stopped = api().post("/api/v1/experiments/" + id + "/stop").json(200);

    assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
    assertThat(stopped.path("trialCounts").path("USER_CANCELED").asInt()).isEqualTo(2);

    api().patch("/api/v1/experiments/" + id, "{\"trialConcurrency\": 4}").json(200);
    JsonNode resumed = api().post("/api/v1/experiments/" + id + "/resume").json(200);
    assertThat(resumed.path("status").asString()).isIn("RUNNING", "NO_MORE_TRIAL");
    // The two trials the stop ended give their budget back: four more may run.
    JsonNode running = awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 4);
    assertThat(running.path("submittedTrials").asInt()).isEqualTo(6);
    assertThat(running.path("status").asString()).isEqualTo("NO_MORE_TRIAL");
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void anExhaustedGridEndsDoneWithEveryCombinationOnce() {
    String id =
        create(
            """
            searchSpace:
              a: {_type: choice, _value: [1, 2, 3]}
              b: {_type: choice, _value: [x, y]}
            trialCommand: exit 0
            trialCodeDirectory: %s
            trialConcurrency: 4
            tuner: {name: GridSearch}
            """
                .formatted(codeFolder()));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");

    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("submittedTrials").asInt()).isEqualTo(6);
    assertThat(trials(id))
        .extracting(t -> t.path("parameters").toString())
        .doesNotHaveDuplicates()
        .hasSize(6);
  }

  @Test
  void changesWhileRunningTakeEffectAtOnce() {
    String id = create(config(codeFolder(), "sleep 300", "maxTrialNumber: 3\ntrialConcurrency: 1"));
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);

    JsonNode changed =
        api()
            .patch(
                "/api/v1/experiments/" + id,
                "{\"trial_concurrency\": 3, \"maxTrialNumber\": 5, \"searchSpace\": {\"y\": {\"_type\": \"choice\", \"_value\": [7, 8, 9]}}}")
            .json(200);

    assertThat(changed.path("config").path("trialConcurrency").asInt()).isEqualTo(3);
    assertThat(changed.path("config").path("maxTrialNumber").asInt()).isEqualTo(5);
    JsonNode running = awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 3);
    assertThat(running.path("status").asString()).isEqualTo("RUNNING");
    assertThat(trials(id)).filteredOn(t -> t.path("parameters").has("y")).isNotEmpty();
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void aUsedUpTrialBudgetShowsNoMoreTrialWhileTrialsStillRun() {
    String id = create(config(codeFolder(), "sleep 300", "maxTrialNumber: 2\ntrialConcurrency: 5"));

    JsonNode experiment = awaitStatus(id, "NO_MORE_TRIAL");

    assertThat(experiment.path("trialCounts").path("RUNNING").asInt()).isEqualTo(2);
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void aUsedUpTimeBudgetEndsTheExperiment() {
    String id =
        create(config(codeFolder(), "sleep 0.2", "trialConcurrency: 1\nmaxExperimentDuration: 2s"));

    JsonNode done = awaitStatus(id, "DONE");

    assertThat(done.path("durationSeconds").asLong()).isBetween(2L, 4L);
    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isPositive();
  }

  @Test
  void aTrialCommandThatAlwaysFailsEndsTheExperimentWithAnErrorInsteadOfSpinning() {
    String id = create(config(codeFolder(), "python3 missing_script.py", "trialConcurrency: 2"));

    JsonNode failed = awaitStatus(id, "ERROR");

    assertThat(failed.path("message").asString())
        .contains("The first 10 trials all failed")
        .contains("missing_script.py")
        .contains("resume");
    assertThat(failed.path("submittedTrials").asInt()).isLessThan(15);
  }

  private JsonNode awaitFirstTrialRunning(String id) {
    awaitExperiment(id, e -> e.path("trialCounts").path("RUNNING").asInt() == 1);
    return trials(id).get(0);
  }

  private static String config(Path code, String command, String extra) {
    return """
        searchSpace: {x: {_type: uniform, _value: [0, 1]}}
        trialCommand: %s
        trialCodeDirectory: %s
        tuner: {name: Random}
        %s
        """
        .formatted(command, code, extra);
  }
}
