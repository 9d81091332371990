package dev.tunelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.Api;
import dev.tunelab.TestFiles;
import dev.tunelab.TunelabApplication;
import dev.tunelab.gpu.FakeNvidiaSmi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Tunelab stops while trials run and starts again: nothing is lost, nothing is counted twice. */
class RestartTest {

  private static final String TRIAL =
      """
      import time, tunelab
      tunelab.get_next_parameter()
      for step in range(20):
          tunelab.report_intermediate_result(step)
          time.sleep(0.1)
      tunelab.report_final_result(1.0)
      """;

  private final Path home = TestFiles.temporaryFolder("tunelab-restart-");

  @Test
  void runningTrialsAreAdoptedAndEveryMetricIsStoredOnce() throws Exception {
    Path code = TestFiles.codeFolder("train.py", TRIAL);
    String id;
    try (ConfigurableApplicationContext first = start()) {
      Api api = api(first);
      id =
          api.post(
                  "/api/v1/experiments",
                  "application/yaml",
                  """
                  searchSpace: {x: {_type: uniform, _value: [0, 1]}}
                  trialCommand: %s python3 train.py
                  trialCodeDirectory: %s
                  trialConcurrency: 2
                  maxTrialNumber: 4
                  tuner: {name: Random}
                  """
                      .formatted(TestFiles.PYTHON_SDK, code))
              .json(201)
              .path("id")
              .asString();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/v1/experiments/" + id + "/metrics").json(200).path("items").size()
                      >= 4);
    }

    // A trial started in the instant before the crash, never recorded.
    Path unrecorded = home.resolve("experiments").resolve(id).resolve("trials").resolve("Zz9zz");
    Process orphan = startWrapper(unrecorded);

    try (ConfigurableApplicationContext second = start()) {
      Api api = api(second);
      JsonNode done = awaitDone(api, id);
      assertThat(done.path("status").asString()).isEqualTo("DONE");
      assertThat(done.path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(4);
      JsonNode trials = api.get("/api/v1/experiments/" + id + "/trials").json(200).path("items");
      for (JsonNode trial : trials) {
        assertThat(trial.path("metricCount").asInt())
            .as("metrics of %s", trial.path("trialId"))
            .isEqualTo(21);
        assertThat(trial.path("finalMetric").asDouble()).isEqualTo(1.0);
      }
      assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
          .as("unrecorded trial ended")
          .isTrue();
      assertThat(unrecorded.resolveSibling("Zz9zz.unrecorded")).isDirectory();
    }
  }

  @Test
  void gpusOfAdoptedTrialsStayHeldAcrossARestart() {
    FakeNvidiaSmi smi = new FakeNvidiaSmi(2);
    Path code =
        TestFiles.codeFolder(
            "train.py",
            "import time, tunelab\ntunelab.get_next_parameter()\ntime.sleep(2)\ntunelab.report_final_result(1)\n");
    String id;
    try (ConfigurableApplicationContext first =
        start("--tunelab.gpus.nvidia-smi=" + smi.command())) {
      Api api = api(first);
      id =
          api.post(
                  "/api/v1/experiments",
                  "application/yaml",
                  """
                  searchSpace: {x: {_type: uniform, _value: [0, 1]}}
                  trialCommand: %s python3 train.py
                  trialCodeDirectory: %s
                  trialConcurrency: 4
                  maxTrialNumber: 4
                  trialGpuNumber: 1
                  tuner: {name: Random}
                  trainingService: {platform: local, useActiveGpu: false}
                  """
                      .formatted(TestFiles.PYTHON_SDK, code))
              .json(201)
              .path("id")
              .asString();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/v1/experiments/" + id)
                          .json(200)
                          .path("trialCounts")
                          .path("RUNNING")
                          .asInt()
                      == 2);
    }

    try (ConfigurableApplicationContext second =
        start("--tunelab.gpus.nvidia-smi=" + smi.command())) {
      Api api = api(second);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(api.get("/api/v1/gpus").json(200).path("gpus").findValues("trials"))
                      .allSatisfy(trials -> assertThat(trials).hasSize(1)));
      assertThat(awaitDone(api, id).path("trialCounts").path("SUCCEEDED").asInt()).isEqualTo(4);
      JsonNode trials = api.get("/api/v1/experiments/" + id + "/trials").json(200).path("items");
      for (JsonNode later : List.of(trials.get(2), trials.get(3))) {
        // The trials submitted after the restart waited for the adopted ones' GPUs.
        Instant started = Instant.parse(later.path("startedAt").asString());
        long stillRunningOnItsGpu =
            List.of(trials.get(0), trials.get(1)).stream()
                .filter(first -> first.path("gpuIndices").equals(later.path("gpuIndices")))
                .filter(first -> Instant.parse(first.path("endedAt").asString()).isAfter(started))
                .count();
        assertThat(stillRunningOnItsGpu).isZero();
      }
    }
  }

  private static Process startWrapper(Path trialDirectory) throws java.io.IOException {
    java.nio.file.Files.createDirectories(trialDirectory.resolve(".nni"));
    java.nio.file.Files.writeString(trialDirectory.resolve("run.sh"), "sleep 300\n");
    Process process =
        new ProcessBuilder("setsid", "bash", trialDirectory.resolve("run.sh").toString()).start();
    java.nio.file.Files.writeString(
        trialDirectory.resolve(".nni/pid"), Long.toString(process.pid()));
    return process;
  }

  private JsonNode awaitDone(Api api, String id) {
    JsonNode[] last = new JsonNode[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                (last[0] = api.get("/api/v1/experiments/" + id).json(200))
                    .path("status")
                    .asString()
                    .matches("DONE|ERROR"));
    return last[0];
  }

  private ConfigurableApplicationContext start(String... more) {
    // Command-line arguments, because they outrank application.yaml as they do for users.
    return new SpringApplicationBuilder(TunelabApplication.class)
        .run(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                        "--server.port=0",
                        "--tunelab.home=" + home,
                        "--spring.main.banner-mode=off"),
                    java.util.stream.Stream.of(more))
                .toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }
}
