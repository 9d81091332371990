package dev.tunelab.experiment;

import dev.tunelab.executor.TrialExit;
import dev.tunelab.executor.TrialProcess;
import dev.tunelab.experiment.ExperimentLedger.RunnerStart;
import dev.tunelab.experiment.ExperimentLedger.StartMode;
import dev.tunelab.trial.TrialStatus;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment: keeps {@code trialConcurrency} trials running with parameters from the
 * tuner, refills a slot the moment a trial exits, honours the budgets and moves the experiment
 * through its statuses.
 *
 * <p>Everything happens on the runner's own {@link RunnerLoop} thread, which alone touches the
 * tuner and the state below; process exits, metrics, timers and API calls hand their work to it. A
 * new trial is recorded (WAITING) before its process starts; the other trial transitions of a turn
 * are recorded together when the turn ends, and always before the experiment's own status changes,
 * so the next trial starts without waiting for the database. A crash in between loses nothing: each
 * trial folder records its exit code.
 */
final class ExperimentRunner {

  private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

  private final String experimentId;
  private final RunnerServices services;
  private final Consumer<ExperimentRunner> onClose;
  private final RunnerLoop loop;
  private final CompletableFuture<ExperimentStatus> closed = new CompletableFuture<>();
  private final TrialLauncher launcher;

  private final List<TrialRecord> history = new ArrayList<>();
  private final Map<Long, RunningTrial> running = new HashMap<>();
  private final List<TrialTransition> unrecorded = new ArrayList<>();
  private ExperimentConfig config;
  private long tunerSeed;
  private Tuner tuner;
  private ExperimentStatus status;
  private Budget budget;
  private boolean tunerExhausted;
  private ScheduledFuture<?> budgetTimer;
  private ExperimentStatus ending;
  private int failuresBeforeAnySuccess;
  private boolean anySuccess;

  ExperimentRunner(
      String experimentId, RunnerServices services, Consumer<ExperimentRunner> onClose) {
    this.experimentId = experimentId;
    this.services = services;
    this.onClose = onClose;
    this.launcher = new TrialLauncher(experimentId, services);
    this.loop =
        new RunnerLoop("runner-" + experimentId, this::recordTransitions, this::failUnexpectedly);
  }

  String experimentId() {
    return experimentId;
  }

  /** Opens the experiment and starts filling slots; completes once the status is recorded. */
  CompletableFuture<Void> start(StartMode mode) {
    return loop.call(() -> open(mode));
  }

  /** Applies a changed config (already stored) to the running experiment. */
  CompletableFuture<Void> changeConfig(ExperimentConfig changed) {
    return loop.call(() -> applyConfig(changed));
  }

  /** Ends one trial as USER_CANCELED; fails when the trial is not running. */
  CompletableFuture<Void> cancel(String trialId) {
    return loop.call(
        () -> {
          RunningTrial trial =
              running.values().stream()
                  .filter(candidate -> candidate.trial.trialId().equals(trialId))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalStatusException(
                              "Trial " + trialId + " is not running, so it cannot be cancelled"));
          endTrial(trial, TrialStatus.USER_CANCELED, "cancelled by the user");
        });
  }

  /** Stops the experiment: ends every running trial, then records STOPPED. */
  CompletableFuture<ExperimentStatus> stop() {
    loop.post(() -> end(ExperimentStatus.STOPPED, null));
    return closed;
  }

  /**
   * Lets go of the experiment because Tunelab is shutting down: trials keep running and the next
   * start of Tunelab picks them up again.
   */
  CompletableFuture<Void> detach() {
    return loop.call(
        () -> {
          running.values().forEach(trial -> cancelTimer(trial.timeout));
          cancelTimer(budgetTimer);
          services.ledger().pauseClock(experimentId);
          close();
        });
  }

  private void open(StartMode mode) {
    RunnerStart start = services.ledger().open(experimentId, mode);
    status = start.status();
    budget = new Budget(services.clock(), start.activeDuration(), start.openedAt());
    tunerSeed = start.tunerSeed();
    try {
      config = services.configs().read(services.configs().parse(start.config()));
      tuner = newTuner();
    } catch (InvalidConfigException e) {
      fail("The stored config can no longer run: " + e.getMessage());
      return;
    }
    launcher.useConfig(config);
    for (TrialSnapshot trial : start.trials()) {
      history.add(launcher.record(trial));
      if (!trial.status().isFinished()) {
        recover(trial);
      }
    }
    if (mode == StartMode.RECOVER) {
      abandonUnrecorded(
          start.trials().stream().map(TrialSnapshot::trialId).collect(Collectors.toSet()));
    }
    if (status == ExperimentStatus.STOPPING) {
      end(ExperimentStatus.STOPPED, null);
      return;
    }
    scheduleBudgetTimer();
    fill();
  }

  /** Picks up a trial that was waiting or running when Tunelab stopped. */
  private void recover(TrialSnapshot trial) {
    Optional<TrialProcess> process = services.training().reattach(trial.directory());
    if (process.isEmpty()) {
      String reason = "Tunelab restarted before the trial started";
      unrecorded.add(
          new TrialTransition.EndedEarly(
              trial.id(), TrialStatus.SYS_CANCELED, null, reason, services.clock().instant()));
      recordEnd(trial, TrialStatus.SYS_CANCELED, reason);
      return;
    }
    if (trial.status() == TrialStatus.WAITING) {
      unrecorded.add(
          new TrialTransition.Started(trial.id(), process.get().pid(), services.clock().instant()));
    }
    log.info("Experiment {}: picked up {} again after a restart", experimentId, trial.label());
    watch(trial, process.get());
  }

  /**
   * Ends trials that started but were never recorded because Tunelab stopped in the few
   * milliseconds between the two. They never existed for the tuner or the user; their folders are
   * renamed so they are looked at once.
   */
  private void abandonUnrecorded(Set<String> recorded) {
    Path folder = config.experimentWorkingDirectory().resolve(experimentId).resolve("trials");
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> trials = Files.list(folder)) {
      for (Path trial :
          trials.filter(dir -> !dir.getFileName().toString().contains(".")).toList()) {
        if (!recorded.contains(trial.getFileName().toString())) {
          log.warn(
              "Experiment {}: ending unrecorded trial {}, started just before Tunelab stopped",
              experimentId,
              trial.getFileName());
          services
              .training()
              .reattach(trial)
              .ifPresent(process -> process.terminate(services.settings().killGrace()));
          Files.move(trial, trial.resolveSibling(trial.getFileName() + ".unrecorded"));
        }
      }
    } catch (IOException e) {
      log.warn(
          "Experiment {}: could not look for unrecorded trials in {}: {}",
          experimentId,
          folder,
          e.toString());
    }
  }

  /** Starts trials until every slot is taken, a budget is used up or the tuner has no more. */
  private void fill() {
    if (ending != null || !status.isActive()) {
      return;
    }
    try {
      while (running.size() < config.trialConcurrency()
          && !budget.usedUp(config, history.size())
          && !tunerExhausted) {
        int slots =
            budget.trialsLeft(config, history.size(), config.trialConcurrency() - running.size());
        Suggestions suggestions = tuner.suggest(Collections.unmodifiableList(history), slots);
        tunerExhausted = suggestions.exhausted();
        List<Map<String, Object>> proposed = suggestions.parameters();
        for (Map<String, Object> parameters :
            proposed.subList(0, Math.min(slots, proposed.size()))) {
          launch(parameters, "algorithm");
          if (ending != null) {
            return;
          }
        }
        if (proposed.isEmpty()) {
          if (running.isEmpty() && !tunerExhausted) {
            log.warn(
                "Experiment {}: the tuner proposed nothing while no trial runs; treating it as exhausted",
                experimentId);
            tunerExhausted = true;
          }
          break;
        }
      }
    } catch (RuntimeException e) {
      log.error("Experiment {}: the tuner failed", experimentId, e);
      fail("The tuner failed: " + e);
      return;
    }
    updateStatus();
  }

  /**
   * Starts a trial, then records it: the trial's folder, written first, is its record until the
   * turn ends. A crash in between leaves a folder that {@link #abandonUnrecorded} cleans up.
   */
  private void launch(Map<String, Object> parameters, String source) {
    TrialSnapshot trial = launcher.newTrial(history.size(), parameters, source);
    history.add(
        new TrialRecord(
            trial.sequenceId(), parameters, TrialRecord.State.PENDING, OptionalDouble.empty()));
    unrecorded.add(new TrialTransition.Submitted(experimentId, trial, services.clock().instant()));
    TrialProcess process;
    try {
      process = launcher.start(trial, parameters);
    } catch (IOException e) {
      String reason = "Tunelab could not start the trial: " + e.getMessage();
      unrecorded.add(
          new TrialTransition.EndedEarly(
              trial.id(), TrialStatus.FAILED, null, reason, services.clock().instant()));
      recordEnd(trial, TrialStatus.FAILED, reason);
      return;
    }
    unrecorded.add(
        new TrialTransition.Started(trial.id(), process.pid(), services.clock().instant()));
    watch(trial, process);
  }

  private void watch(TrialSnapshot trial, TrialProcess process) {
    RunningTrial watched = new RunningTrial(trial, process);
    running.put(trial.id(), watched);
    services
        .metrics()
        .watch(
            trial.id(),
            experimentId,
            trial.label(),
            trial.directory(),
            trial.metricsOffset(),
            trial.finalStored(),
            value -> loop.post(() -> recordValue(trial.sequenceId(), value)));
    if (config.maxTrialDuration() != null) {
      Instant started = trial.startedAt() == null ? services.clock().instant() : trial.startedAt();
      Duration left =
          config.maxTrialDuration().minus(Duration.between(started, services.clock().instant()));
      String reason =
          "ran longer than maxTrialDuration ("
              + DurationText.format(config.maxTrialDuration())
              + ")";
      watched.timeout =
          services
              .timers()
              .schedule(
                  () -> loop.post(() -> endTrial(watched, TrialStatus.EARLY_STOPPED, reason)),
                  Math.max(0, left.toMillis()),
                  TimeUnit.MILLISECONDS);
    }
    process.exit().whenComplete((exit, error) -> loop.post(() -> exited(watched, exit)));
  }

  private void exited(RunningTrial trial, TrialExit exit) {
    if (running.remove(trial.trial.id()) == null) {
      return;
    }
    cancelTimer(trial.timeout);
    services.metrics().finish(trial.trial.id());
    Integer code = exit == null ? null : exit.exitCode();
    Instant at = exit == null ? services.clock().instant() : exit.endedAt();
    TrialStatus ended;
    String message;
    if (trial.requestedEnd != null && !Objects.equals(code, 0)) {
      ended = trial.requestedEnd;
      message = trial.requestedReason;
      unrecorded.add(new TrialTransition.EndedEarly(trial.trial.id(), ended, code, message, at));
    } else if (code == null) {
      ended = TrialStatus.FAILED;
      message = "The trial's process ended while Tunelab was down and left no exit code (killed?)";
      unrecorded.add(new TrialTransition.EndedEarly(trial.trial.id(), ended, null, message, at));
    } else {
      ended = code == 0 ? TrialStatus.SUCCEEDED : TrialStatus.FAILED;
      message = code == 0 ? null : launcher.failureMessage(trial.trial, code);
      unrecorded.add(new TrialTransition.Exited(trial.trial.id(), code, message, at));
    }
    recordEnd(trial.trial, ended, message);
    if (ending != null) {
      if (running.isEmpty()) {
        finishEnding();
      }
      return;
    }
    fill();
  }

  /** Updates the tuner's view of an ended trial and watches for a command that always fails. */
  private void recordEnd(TrialSnapshot trial, TrialStatus ended, String message) {
    history.set(trial.sequenceId(), launcher.ended(history.get(trial.sequenceId()), ended));
    if (ended == TrialStatus.SUCCEEDED) {
      anySuccess = true;
    } else if (ended == TrialStatus.FAILED && !anySuccess) {
      failuresBeforeAnySuccess++;
      int limit = services.settings().maxFailuresBeforeAnySuccess();
      if (limit > 0 && failuresBeforeAnySuccess >= limit && ending == null) {
        fail(
            "The first "
                + limit
                + " trials all failed, so the experiment stopped. The last one, "
                + trial.label()
                + ", said: "
                + message
                + ". Fix the trial command, then resume the experiment.");
      }
    }
  }

  private void recordValue(int sequenceId, double value) {
    TrialRecord record = history.get(sequenceId);
    history.set(
        sequenceId,
        new TrialRecord(sequenceId, record.parameters(), record.state(), OptionalDouble.of(value)));
  }

  private void endTrial(RunningTrial trial, TrialStatus status, String reason) {
    if (running.containsKey(trial.trial.id()) && trial.requestEnd(status, reason)) {
      log.info("Experiment {}: ending {}: {}", experimentId, trial.trial.label(), reason);
      trial.process.terminate(services.settings().killGrace());
    }
  }

  private void applyConfig(ExperimentConfig changed) {
    boolean newSpace = !changed.searchSpace().toJson().equals(config.searchSpace().toJson());
    config = changed;
    launcher.useConfig(changed);
    if (newSpace) {
      tuner = newTuner();
      tunerExhausted = false;
    }
    scheduleBudgetTimer();
    fill();
  }

  private void updateStatus() {
    if (ending != null) {
      return;
    }
    boolean usedUp = budget.usedUp(config, history.size());
    ExperimentStatus next =
        running.isEmpty() && (usedUp || tunerExhausted)
            ? ExperimentStatus.DONE
            : usedUp
                ? ExperimentStatus.NO_MORE_TRIAL
                : tunerExhausted ? ExperimentStatus.TUNER_NO_MORE_TRIAL : ExperimentStatus.RUNNING;
    if (next == status) {
      return;
    }
    recordTransitions();
    status = next;
    if (next == ExperimentStatus.DONE) {
      services.ledger().markDone(experimentId);
      log.info("Experiment {} is done after {} trials", experimentId, history.size());
      close();
    } else {
      services.ledger().markActive(experimentId, next);
    }
  }

  private void scheduleBudgetTimer() {
    cancelTimer(budgetTimer);
    budgetTimer =
        budget
            .timeLeft(config)
            .filter(left -> !left.isNegative() && !left.isZero())
            .map(
                left ->
                    services
                        .timers()
                        .schedule(
                            () -> loop.post(this::fill),
                            left.toMillis() + 1,
                            TimeUnit.MILLISECONDS))
            .orElse(null);
  }

  /**
   * Ends the experiment as STOPPED or ERROR: every running trial is ended, and the final status is
   * recorded once the last one has exited.
   */
  private void end(ExperimentStatus outcome, String reason) {
    if (ending != null || status.isFinal()) {
      return;
    }
    recordTransitions();
    ending = outcome;
    cancelTimer(budgetTimer);
    if (outcome == ExperimentStatus.ERROR) {
      services.ledger().fail(experimentId, reason);
      status = ExperimentStatus.ERROR;
    } else {
      services.ledger().markStopping(experimentId);
      status = ExperimentStatus.STOPPING;
    }
    TrialStatus trialEnd =
        outcome == ExperimentStatus.ERROR ? TrialStatus.SYS_CANCELED : TrialStatus.USER_CANCELED;
    String trialReason =
        outcome == ExperimentStatus.ERROR ? "the experiment failed" : "the experiment was stopped";
    List.copyOf(running.values()).forEach(trial -> endTrial(trial, trialEnd, trialReason));
    if (running.isEmpty()) {
      finishEnding();
    }
  }

  private void fail(String reason) {
    log.error("Experiment {} failed: {}", experimentId, reason);
    end(ExperimentStatus.ERROR, reason);
  }

  private void failUnexpectedly(RuntimeException e) {
    if (ending == null && status != null && !status.isFinal()) {
      fail("Tunelab hit an unexpected error while running the experiment: " + e);
    }
  }

  private void finishEnding() {
    recordTransitions();
    if (ending == ExperimentStatus.STOPPED) {
      services.ledger().markStopped(experimentId);
      status = ExperimentStatus.STOPPED;
      log.info("Experiment {} stopped", experimentId);
    }
    close();
  }

  /** Records the trial transitions of this turn; runs at the end of every turn too. */
  private void recordTransitions() {
    if (!unrecorded.isEmpty()) {
      List<TrialTransition> batch = List.copyOf(unrecorded);
      unrecorded.clear();
      services.ledger().record(batch);
    }
  }

  private void close() {
    loop.close();
    onClose.accept(this);
    closed.complete(status);
  }

  private Tuner newTuner() {
    TunerFactory factory = services.tuners().find(config.tuner().name()).orElseThrow();
    return factory.create(
        config.searchSpace(),
        TunerArgs.bind(factory.arguments(), config.tuner().classArgs(), tunerSeed));
  }

  private static void cancelTimer(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
