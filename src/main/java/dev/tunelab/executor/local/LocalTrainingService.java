package dev.tunelab.executor.local;

import dev.tunelab.executor.TrainingService;
import dev.tunelab.executor.TrialExit;
import dev.tunelab.executor.TrialLaunch;
import dev.tunelab.executor.TrialProcess;
import jakarta.annotation.PreDestroy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs each trial as {@code setsid bash run.sh} in its trial folder. */
@Service
class LocalTrainingService implements TrainingService {

  private static final Logger log = LoggerFactory.getLogger(LocalTrainingService.class);

  private final Clock clock;

  /** The wrapper of every trial process that runs now; each leads its trial's process group. */
  private final Set<Long> leaders = ConcurrentHashMap.newKeySet();

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "trial-kill-timer");
            thread.setDaemon(true);
            return thread;
          });

  LocalTrainingService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public TrialProcess launch(TrialLaunch launch) throws IOException {
    Path dir = launch.directory();
    Files.createDirectories(dir.resolve(".nni"));
    Files.writeString(dir.resolve("parameter.cfg"), launch.parameterRecord());
    Files.write(dir.resolve(".nni/metrics"), new byte[0]);
    Path script = dir.resolve("run.sh");
    Files.writeString(script, RunScript.render(launch));
    Process process =
        new ProcessBuilder("setsid", "bash", script.toString())
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout").toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr").toFile()))
            .start();
    // Recorded for re-attaching after a restart; the wrapper leads the trial's process group.
    Files.writeString(dir.resolve(".nni/pid"), Long.toString(process.pid()));
    CompletableFuture<TrialExit> exit =
        process.onExit().thenApply(ended -> exitOf(dir, ended.exitValue()));
    return tracked(new LocalTrialProcess(process.pid(), exit, timer));
  }

  @Override
  public Optional<TrialProcess> reattach(Path trialDirectory) {
    Optional<TrialState> state = TrialState.read(trialDirectory);
    Optional<Long> pid = wrapperPid(trialDirectory);
    if (state.isPresent()) {
      TrialExit exit = new TrialExit(state.get().exitCode(), state.get().endedAt());
      return Optional.of(
          new LocalTrialProcess(pid.orElse(-1L), CompletableFuture.completedFuture(exit), timer));
    }
    Optional<ProcessHandle> alive =
        pid.flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive)
            .filter(handle -> runs(handle, trialDirectory));
    if (alive.isPresent()) {
      CompletableFuture<TrialExit> exit =
          alive.get().onExit().thenApply(ended -> exitOf(trialDirectory, null));
      return Optional.of(tracked(new LocalTrialProcess(alive.get().pid(), exit, timer)));
    }
    if (pid.isPresent()) {
      // It started, then vanished without recording an exit code: killed while we were down.
      return Optional.of(
          new LocalTrialProcess(
              pid.get(),
              CompletableFuture.completedFuture(new TrialExit(null, clock.instant())),
              timer));
    }
    return Optional.empty();
  }

  @Override
  public boolean isTrialProcess(long pid) {
    return leaders.contains(pid) || ProcessGroup.of(pid).stream().anyMatch(leaders::contains);
  }

  private LocalTrialProcess tracked(LocalTrialProcess process) {
    leaders.add(process.pid());
    process.exit().whenComplete((exit, error) -> leaders.remove(process.pid()));
    return process;
  }

  @Override
  public List<String> abandonUnrecorded(Path trialsFolder, Set<String> recorded, Duration grace) {
    if (!Files.isDirectory(trialsFolder)) {
      return List.of();
    }
    List<String> abandoned = new ArrayList<>();
    try (Stream<Path> trials = Files.list(trialsFolder)) {
      for (Path trial : trials.toList()) {
        String trialId = trial.getFileName().toString();
        if (!trialId.contains(".") && !recorded.contains(trialId)) {
          reattach(trial).ifPresent(process -> process.terminate(grace));
          Files.move(trial, trial.resolveSibling(trialId + ".unrecorded"));
          abandoned.add(trialId);
          log.warn(
              "Ended trial {}, which started just before Tunelab stopped and was never recorded; its folder is now {}.unrecorded",
              trialId,
              trial);
        }
      }
    } catch (IOException e) {
      log.warn("Could not look for unrecorded trials in {}: {}", trialsFolder, e.toString());
    }
    return abandoned;
  }

  private TrialExit exitOf(Path dir, Integer exitValue) {
    Optional<TrialState> state = TrialState.read(dir);
    Integer code = state.map(TrialState::exitCode).orElse(exitValue);
    return new TrialExit(code, state.map(TrialState::endedAt).orElseGet(clock::instant));
  }

  private static Optional<Long> wrapperPid(Path trialDirectory) {
    try {
      return Optional.of(
          Long.parseLong(Files.readString(trialDirectory.resolve(".nni/pid")).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Guards against a recycled pid: the process must be this trial's wrapper. */
  private static boolean runs(ProcessHandle handle, Path trialDirectory) {
    return handle
        .info()
        .commandLine()
        .map(line -> line.contains(trialDirectory.resolve("run.sh").toString()))
        .orElse(false);
  }

  @PreDestroy
  void close() {
    timer.shutdownNow();
  }
}
