package dev.tunelab.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.IntegrationTest;
import dev.tunelab.gpu.model.NvidiaSmiOutputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * GPU scheduling with real trial processes on a 2-GPU machine whose nvidia-smi replays recorded
 * output. Each trial writes the CUDA_VISIBLE_DEVICES it saw into its final metric.
 */
class GpuSchedulingTest extends IntegrationTest {

  static final FakeNvidiaSmi SMI = new FakeNvidiaSmi(2);

  private static final String TRIAL =
      """
      import os, time, tunelab
      tunelab.get_next_parameter()
      time.sleep(0.6)
      tunelab.report_final_result({"default": 1, "cuda": os.environ.get("CUDA_VISIBLE_DEVICES", "unset")})
      """;

  @DynamicPropertySource
  static void gpus(DynamicPropertyRegistry registry) {
    registry.add("tunelab.gpus.nvidia-smi", () -> SMI.command().toString());
    registry.add("tunelab.gpus.refresh-interval", () -> "200ms");
  }

  @AfterEach
  void idleMachine() throws InterruptedException {
    SMI.processes("");
    SMI.failing(false);
    Thread.sleep(250);
  }

  @Test
  void twoGpusRunTwoTrialsAtATimeEachOnItsOwnGpu() {
    String id = create(experiment(6, 4, "useActiveGpu: false"));

    JsonNode waiting = awaitExperiment(id, e -> e.path("trialCounts").path("WAITING").asInt() == 1);
    assertThat(waiting.path("trialCounts").path("RUNNING").asInt()).isEqualTo(2);
    assertThat(trials(id))
        .filteredOn(t -> t.path("status").asString().equals("WAITING"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.path("message").asString())
                    .startsWith("waiting for a GPU: GPU 0 is held by 1 trial"));
    assertThat(api().get("/api/v1/gpus").json(200).path("gpus").findValues("trials"))
        .allSatisfy(holders -> assertThat(holders).hasSize(1));

    JsonNode done = awaitStatus(id, "DONE", "ERROR");
    assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(6);
    List<JsonNode> trials = new ArrayList<>();
    trials(id).forEach(trials::add);
    for (JsonNode trial : trials) {
      assertThat(trial.path("gpuIndices")).hasSize(1);
      String gpu = trial.path("gpuIndices").get(0).asString();
      assertThat(trial.path("finalMetricData").asString()).contains("\"cuda\": \"" + gpu + "\"");
    }
    assertThat(maxOverlap(trials)).isEqualTo(2);
    for (JsonNode a : trials) {
      for (JsonNode b : trials) {
        if (a != b && overlap(a, b)) {
          assertThat(a.path("gpuIndices")).isNotEqualTo(b.path("gpuIndices"));
        }
      }
    }
  }

  @Test
  void twoExperimentsShareTheGpusWithoutEverDoublingUp() {
    String first = create(experiment(3, 2, "useActiveGpu: false"));
    String second = create(experiment(3, 2, "useActiveGpu: false"));

    awaitStatus(first, "DONE", "ERROR");
    awaitStatus(second, "DONE", "ERROR");

    List<JsonNode> trials = new ArrayList<>();
    trials(first).forEach(trials::add);
    trials(second).forEach(trials::add);
    assertThat(trials)
        .allSatisfy(t -> assertThat(t.path("status").asString()).isEqualTo("SUCCEEDED"));
    assertThat(maxOverlap(trials)).isEqualTo(2);
    for (JsonNode a : trials) {
      for (JsonNode b : trials) {
        if (a != b && overlap(a, b)) {
          assertThat(a.path("gpuIndices")).isNotEqualTo(b.path("gpuIndices"));
        }
      }
    }
  }

  @Test
  void aGpuBusyWithAnotherProcessIsSkippedUnlessUseActiveGpu() throws InterruptedException {
    SMI.processes(NvidiaSmiOutputs.processes(777000, 1));
    Thread.sleep(250); // until no reading from before the process started is reused

    String careful = create(experiment(3, 2, "useActiveGpu: false"));
    awaitStatus(careful, "DONE", "ERROR");
    List<JsonNode> onlyIdle = new ArrayList<>();
    trials(careful).forEach(onlyIdle::add);
    assertThat(onlyIdle)
        .allSatisfy(t -> assertThat(t.path("gpuIndices").toString()).isEqualTo("[0]"));
    assertThat(maxOverlap(onlyIdle)).isEqualTo(1);

    String sharing = create(experiment(4, 2, "useActiveGpu: true"));
    awaitStatus(sharing, "DONE", "ERROR");
    List<JsonNode> both = new ArrayList<>();
    trials(sharing).forEach(both::add);
    assertThat(both).extracting(t -> t.path("gpuIndices").toString()).contains("[0]", "[1]");
  }

  @Test
  void refusesExperimentsThatAskForMoreGpusThanTheMachineHas() {
    JsonNode problem =
        api()
            .post(
                "/api/v1/experiments",
                "application/yaml",
                experiment(1, 1, "useActiveGpu: true")
                    .replace("trialGpuNumber: 1", "trialGpuNumber: 3"))
            .json(400);

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("trialGpuNumber");
    assertThat(problem.path("detail").asString())
        .contains("asks for 3 GPUs per trial")
        .contains("only 2 can be used");
  }

  @Test
  void refusesGpuExperimentsWhenNvidiaSmiFails() throws InterruptedException {
    SMI.failing(true);
    Thread.sleep(250);

    JsonNode problem =
        api()
            .post("/api/v1/experiments", "application/yaml", experiment(1, 1, "useActiveGpu: true"))
            .json(400);

    assertThat(problem.path("detail").asString())
        .contains("no GPU was found")
        .contains("couldn't communicate with the NVIDIA driver");
    assertThat(api().get("/api/v1/gpus").json(200).path("available").asBoolean()).isFalse();
  }

  @Test
  void aWaitingTrialCanBeCancelled() {
    String id = create(experiment(4, 3, "useActiveGpu: false").replace("sleep(0.6)", "sleep(30)"));
    awaitExperiment(id, e -> e.path("trialCounts").path("WAITING").asInt() == 1);
    String waiting =
        trials(id).findValuesAsString("status").indexOf("WAITING") >= 0 ? waitingTrial(id) : null;

    JsonNode cancelled =
        api().post("/api/v1/experiments/" + id + "/trials/" + waiting + "/cancel").json(202);

    assertThat(cancelled.path("status").asString()).isEqualTo("USER_CANCELED");
    api().post("/api/v1/experiments/" + id + "/stop").json(200);
  }

  @Test
  void exposesGpuGauges() {
    JsonNode utilization = api().get("/actuator/metrics/tunelab.gpu.utilization").json(200);

    assertThat(utilization.path("availableTags").findValuesAsString("tag")).contains("gpu", "name");
    assertThat(api().get("/actuator/prometheus").body())
        .contains("tunelab_gpu_memory_total_bytes{gpu=\"1\"");
  }

  @Test
  void keepsEachGpusLoadOverTimeOnceSomeoneAsks() {
    api().get("/api/v1/gpus/history").json(200);

    JsonNode samples =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> api().get("/api/v1/gpus/history").json(200), s -> s.size() >= 3);

    JsonNode newest = samples.get(samples.size() - 1);
    assertThat(newest.path("gpus")).hasSize(2);
    assertThat(newest.path("gpus").get(1).path("index").asInt()).isEqualTo(1);
    assertThat(newest.path("gpus").get(0).path("memoryTotalMib").asLong()).isPositive();
    assertThat(Instant.parse(newest.path("at").asString()))
        .isAfter(Instant.parse(samples.get(0).path("at").asString()));
  }

  private String waitingTrial(String id) {
    for (JsonNode trial : trials(id)) {
      if (trial.path("status").asString().equals("WAITING")) {
        return trial.path("trialId").asString();
      }
    }
    throw new AssertionError("no waiting trial");
  }

  private String experiment(int trials, int concurrency, String useActiveGpu) {
    return """
        searchSpace: {x: {_type: uniform, _value: [0, 1]}}
        trialCommand: %s python3 train.py
        trialCodeDirectory: %s
        trialConcurrency: %d
        maxTrialNumber: %d
        trialGpuNumber: 1
        tuner: {name: Random}
        trainingService: {platform: local, %s}
        """
        .formatted(PYTHON_SDK, codeFolder("train.py", TRIAL), concurrency, trials, useActiveGpu);
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    return start(a).isBefore(end(b)) && start(b).isBefore(end(a));
  }

  /** The most trials that ran at the same moment. */
  private static int maxOverlap(List<JsonNode> trials) {
    int most = 0;
    for (JsonNode trial : trials) {
      Instant moment = start(trial).plusMillis(1);
      most =
          Math.max(
              most,
              (int)
                  trials.stream()
                      .filter(t -> !start(t).isAfter(moment) && end(t).isAfter(moment))
                      .count());
    }
    return most;
  }

  private static Instant start(JsonNode trial) {
    return Instant.parse(trial.path("startedAt").asString());
  }

  private static Instant end(JsonNode trial) {
    return Instant.parse(trial.path("endedAt").asString());
  }
}
