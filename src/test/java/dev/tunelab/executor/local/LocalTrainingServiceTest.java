package dev.tunelab.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.TestFiles;
import dev.tunelab.executor.TrialExit;
import dev.tunelab.executor.TrialLaunch;
import dev.tunelab.executor.TrialProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real trial processes: the folder, the environment, the exit code, ending and re-attaching. */
class LocalTrainingServiceTest {

  private final LocalTrainingService service = new LocalTrainingService(Clock.systemUTC());
  private final Path code = TestFiles.temporaryFolder("tunelab-code-");
  private final Path trials = TestFiles.temporaryFolder("tunelab-trials-");

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void preparesNnisTrialFolderAndEnvironment() throws Exception {
    TrialLaunch launch =
        launch(
            "Ab3dE",
            "env | grep -E '^(NNI_|CUDA_VISIBLE_DEVICES)' | sort > env.txt; pwd > pwd.txt",
            "");

    TrialExit exit = service.launch(launch).exit().get(10, TimeUnit.SECONDS);

    Path dir = launch.directory();
    assertThat(exit.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("parameter.cfg"))).isEqualTo("{\"parameter_id\": 0}");
    assertThat(dir.resolve(".nni/metrics")).exists().isEmptyFile();
    assertThat(Files.readString(dir.resolve(".nni/state"))).matches("0 \\d{13}\\n");
    assertThat(Files.readString(code.resolve("pwd.txt")).trim()).isEqualTo(code.toString());
    assertThat(Files.readAllLines(code.resolve("env.txt")))
        .containsExactly(
            "CUDA_VISIBLE_DEVICES=",
            "NNI_CODE_DIR=" + code,
            "NNI_EXP_ID=exp12345",
            "NNI_OUTPUT_DIR=" + dir,
            "NNI_PLATFORM=local",
            "NNI_SYS_DIR=" + dir,
            "NNI_TRIAL_JOB_ID=Ab3dE",
            "NNI_TRIAL_SEQ_ID=4");
  }

  @Test
  void runsTheCommandVerbatimWithItsOutputInFiles() throws Exception {
    TrialLaunch launch = launch("Qq1", "echo \"it's $((6 * 7))\" && echo 'oops' >&2; exit 5", null);

    TrialExit exit = service.launch(launch).exit().get(10, TimeUnit.SECONDS);

    assertThat(exit.exitCode()).isEqualTo(5);
    assertThat(Files.readString(launch.directory().resolve("stdout"))).isEqualTo("it's 42\n");
    assertThat(Files.readString(launch.directory().resolve("stderr"))).isEqualTo("oops\n");
  }

  @Test
  void aCommandWithASyntaxErrorStillRecordsItsExitCode() throws Exception {
    TrialLaunch launch = launch("Syn", "if then fi (", null);

    assertThat(service.launch(launch).exit().get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(2);
    assertThat(TrialState.read(launch.directory())).map(TrialState::exitCode).contains(2);
  }

  @Test
  void terminateEndsTheWholeTreeAndKillsWhatIgnoresSigterm() throws Exception {
    TrialLaunch launch =
        launch("Tree1", "trap '' TERM; sleep 300 & echo $! > child.pid; wait", null);
    TrialProcess process = service.launch(launch);
    Path childPid = code.resolve("child.pid");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
    long child = Long.parseLong(Files.readString(childPid).trim());

    process.terminate(Duration.ofMillis(300));

    TrialExit exit = process.exit().get(10, TimeUnit.SECONDS);
    assertThat(exit.exitCode()).isEqualTo(137);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void reattachesToATrialThatIsStillRunning() throws Exception {
    TrialLaunch launch = launch("Run1", "sleep 0.5; exit 4", null);
    service.launch(launch);

    Optional<TrialProcess> again =
        new LocalTrainingService(Clock.systemUTC()).reattach(launch.directory());

    assertThat(again).isPresent();
    assertThat(again.get().exit().isDone()).isFalse();
    assertThat(again.get().exit().get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(4);
  }

  @Test
  void reattachesToATrialThatEndedMeanwhile() throws Exception {
    TrialLaunch launch = launch("Done1", "exit 3", null);
    service.launch(launch).exit().get(10, TimeUnit.SECONDS);

    Optional<TrialProcess> again = service.reattach(launch.directory());

    assertThat(again).isPresent();
    assertThat(again.get().exit().getNow(null).exitCode()).isEqualTo(3);
  }

  @Test
  void knowsTheProcessesOfItsTrialsAndNoOthers() throws Exception {
    TrialLaunch launch = launch("Own1", "sleep 300 & echo $! > own.pid; wait", null);
    TrialProcess process = service.launch(launch);
    Path childPid = code.resolve("own.pid");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
    long child = Long.parseLong(Files.readString(childPid).trim());

    assertThat(service.isTrialProcess(process.pid())).isTrue();
    assertThat(service.isTrialProcess(child)).isTrue();
    assertThat(service.isTrialProcess(ProcessHandle.current().pid())).isFalse();

    process.terminate(Duration.ofMillis(200));
    process.exit().get(10, TimeUnit.SECONDS);
    assertThat(service.isTrialProcess(process.pid())).isFalse();
  }

  @Test
  void findsNothingToReattachForATrialThatNeverStarted() {
    assertThat(service.reattach(trials.resolve("never"))).isEmpty();
  }

  private TrialLaunch launch(String trialId, String command, String cuda) {
    return new TrialLaunch(
        "exp12345",
        trialId,
        4,
        trials.resolve(trialId),
        code,
        command,
        "{\"parameter_id\": 0}",
        cuda);
  }
}
