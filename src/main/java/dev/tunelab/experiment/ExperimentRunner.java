package dev.tunelab.experiment;

import dev.tunelab.experiment.ExperimentLedger.RunnerStart;
import dev.tunelab.experiment.ExperimentLedger.StartMode;
import dev.tunelab.trial.TrialStatus;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one experiment: keeps {@code trialConcurrency} trials running with parameters from the
 * tuner, refills a slot the moment a trial exits, honours the budgets and moves the experiment
 * through its statuses.
 *
 * <p>Everything happens on the runner's own {@link RunnerLoop} thread, which alone touches the
 * tuner and the state below; process exits, metrics, timers and API calls hand their work to it. A
 * trial's folder is written before its process starts; the trial transitions of a turn are recorded
 * together when the turn ends, and always before the experiment's own status changes, so the next
 * trial starts without waiting for the database.
 */
final class ExperimentRunner {

  private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

  /** Why trials end when their experiment is stopped; such trials do not use up the budget. */
  static final String STOPPED_WITH_EXPERIMENT = "the experiment was stopped";

  private final String experimentId;
  private final RunnerServices services;
  private final Consumer<ExperimentRunner> onClose;
  private final RunnerLoop loop;
  private final CompletableFuture<ExperimentStatus> closed = new CompletableFuture<>();
  private final TrialLauncher launcher;
  private final RunningTrials running;
  private final FailureGuard failureGuard;
  private final TrialStarter starter;

  private final History history = new History();

  private final List<TrialTransition> unrecorded = new ArrayList<>();
  private ExperimentConfig config;
  private long tunerSeed;
  private Tuner tuner;

  private Assessment assessment = Assessment.none();

  private ExperimentStatus status;
  private Budget budget;
  private boolean tunerExhausted;
  private ExperimentStatus ending;

  /** Trials that ended because the experiment was stopped: resuming gives their budget back. */
  private int endedByStop;

  /** Stops listening for released GPUs; null when the experiment does not ask for GPUs. */
  private Runnable stopListening;

  /** Set when a turn left trials waiting or a start failed: the runner looks again later. */
  private ScheduledFuture<?> retry;

  ExperimentRunner(
      String experimentId, RunnerServices services, Consumer<ExperimentRunner> onClose) {
    this.experimentId = experimentId;
    this.services = services;
    this.onClose = onClose;
    this.launcher = new TrialLauncher(experimentId, services);
    this.loop =
        new RunnerLoop("runner-" + experimentId, this::recordTransitions, this::failUnexpectedly);
    this.running = new RunningTrials(experimentId, services, loop, unrecorded::add);
    this.failureGuard = new FailureGuard(services.settings().maxFailuresBeforeAnySuccess());
    this.starter =
        new TrialStarter(
            experimentId,
            services,
            launcher,
            running,
            unrecorded::add,
            history::reported,
            this::trialEnded);
  }

  String experimentId() {
    return experimentId;
  }

  /** Opens the experiment and starts filling slots; completes once the status is recorded. */
  CompletableFuture<Void> start(StartMode mode) {
    return loop.call(
        () -> {
          try {
            open(mode);
          } catch (RuntimeException e) {
            log.error("Experiment {}: could not start", experimentId, e);
            abandonStart(e);
            throw e;
          }
        });
  }

  /** Adds imported results (already stored) to what the tuner learns from. */
  CompletableFuture<Void> imported(List<ImportedResults.Result> results) {
    return loop.call(
        () -> {
          results.forEach(result -> history.addImported(result.parameters(), result.value()));
          fill();
        });
  }

  /** Applies a changed config (already stored) to the running experiment. */
  CompletableFuture<Void> changeConfig(ExperimentConfig changed) {
    return loop.call(() -> applyConfig(changed));
  }

  /** Ends one trial as USER_CANCELED; fails when the trial is not running. */
  CompletableFuture<Void> cancel(String trialId) {
    return loop.call(
        () -> {
          String reason = "cancelled by the user";
          Optional<TrialSnapshot> waiting = starter.end(trialId, TrialStatus.USER_CANCELED, reason);
          if (waiting.isEmpty()) {
            running.cancel(trialId);
            return;
          }
          noteEnd(waiting.get(), TrialStatus.USER_CANCELED, reason);
          fill();
        });
  }

  /**
   * Submits a customised trial (NNI's "customized trial", parameters from the user instead of the
   * tuner): it takes a free slot or waits for one, counts against {@code maxTrialNumber}, and its
   * result reaches the tuner like any other. The parameters must be checked against the search
   * space before.
   *
   * @return the new trial's id, once the trial is recorded
   * @throws IllegalStatusException when the experiment is ending or its budget is used up
   */
  CompletableFuture<String> customize(Map<String, Object> parameters) {
    return loop.ask(
        () -> {
          if (ending != null || !status.isActive()) {
            throw new IllegalStatusException(
                "Experiment " + experimentId + " is " + status + "; it takes no new trials");
          }
          if (budget.usedUp(config, counted())) {
            throw new IllegalStatusException(
                "Experiment "
                    + experimentId
                    + " has used its budget (maxTrialNumber or maxExperimentDuration); raise it to add a trial");
          }
          String trialId;
          if (running.size() < config.trialConcurrency() && starter.waitingCount() == 0) {
            trialId = launch(parameters, "customized").trialId();
          } else {
            TrialSnapshot trial = submit(parameters, "customized");
            starter.queue(trial, parameters);
            trialId = trial.trialId();
          }
          updateStatus();
          return trialId;
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
          running.letGo();
          budget.clearAlarm();
          services.ledger().pauseClock(experimentId);
          close();
        });
  }

  private void open(StartMode mode) {
    RunnerStart start = services.ledger().open(experimentId, mode);
    status = start.status();
    budget =
        new Budget(services.clock(), services.timers(), start.activeDuration(), start.openedAt());
    tunerSeed = start.tunerSeed();
    try {
      config = services.configs().read(services.configs().parse(start.config()));
      tuner = newTuner();
    } catch (InvalidConfigException e) {
      fail("The stored config can no longer run: " + e.getMessage());
      return;
    }
    launcher.useConfig(config);
    assessment = Assessment.of(config, services, experimentId, tunerSeed);
    if (assessment.active()) {
      running.reportIntermediatesTo(
          (trial, values) -> assessment.judge(trial, values, this::stopEarly));
    }
    if (config.gpuRequest().isPresent()) {
      stopListening = services.gpus().onRelease(() -> loop.post(this::fill));
    }
    start.imported().forEach(result -> history.addImported(result.parameters(), result.value()));
    for (TrialSnapshot trial : start.trials()) {
      history.addStored(trial);
      launcher.remember(trial);
      if (trial.endedByStop()) {
        endedByStop++;
      }
      if (!trial.status().isFinished()) {
        recover(trial, assessment.storedCurve(trial.sequenceId()));
      } else {
        assessment.replay(trial);
      }
    }
    assessment.replayed();
    if (mode == StartMode.RECOVER) {
      Set<String> recorded =
          start.trials().stream().map(TrialSnapshot::trialId).collect(Collectors.toSet());
      services
          .training()
          .abandonUnrecorded(launcher.trialsFolder(), recorded, services.settings().killGrace());
    }
    if (status == ExperimentStatus.STOPPING) {
      end(ExperimentStatus.STOPPED, null);
      return;
    }
    budget.setAlarm(config, () -> loop.post(this::fill));
    fill();
  }

  /** Picks up a trial that was waiting or running when Tunelab stopped. */
  private void recover(TrialSnapshot trial, List<Double> curve) {
    if (trial.status() == TrialStatus.WAITING) {
      starter.queue(trial, history.parameters(trial.sequenceId()));
    } else if (!running.adopt(
        trial, curve, config.maxTrialDuration(), history::reported, this::trialEnded)) {
      String reason = "Tunelab restarted and found no sign that the trial's process ever started";
      unrecorded.add(
          new TrialTransition.EndedEarly(
              trial.id(), TrialStatus.SYS_CANCELED, null, reason, services.clock().instant()));
      noteEnd(trial, TrialStatus.SYS_CANCELED, reason);
    }
  }

  /** Starts trials until every slot is taken, a budget is used up or the tuner has no more. */
  private void fill() {
    if (ending != null || !status.isActive()) {
      return;
    }
    try {
      TrialStarter.Outcome outcome =
          starter.startWaiting(config.trialConcurrency() - running.size(), config);
      while (outcome == TrialStarter.Outcome.STARTED
          && running.size() < config.trialConcurrency()
          && !budget.usedUp(config, counted())
          && !tunerExhausted) {
        int slots =
            budget.trialsLeft(config, counted(), config.trialConcurrency() - running.size());
        Suggestions suggestions = tuner.suggest(history.records(), slots);
        tunerExhausted = suggestions.exhausted();
        List<Map<String, Object>> proposed = suggestions.parameters();
        for (Map<String, Object> parameters :
            proposed.subList(0, Math.min(slots, proposed.size()))) {
          outcome = launch(parameters, "algorithm").outcome();
          if (ending != null) {
            return;
          }
          if (outcome != TrialStarter.Outcome.STARTED) {
            break;
          }
        }
        if (proposed.isEmpty()) {
          if (running.isEmpty() && starter.waitingCount() == 0 && !tunerExhausted) {
            log.warn(
                "Experiment {}: the tuner proposed nothing while no trial runs; treating it as exhausted",
                experimentId);
            tunerExhausted = true;
          }
          break;
        }
      }
      if (outcome != TrialStarter.Outcome.STARTED) {
        retryLater();
      }
    } catch (RuntimeException e) {
      log.error("Experiment {}: the tuner failed", experimentId, e);
      fail("The tuner failed: " + e);
      return;
    }
    updateStatus();
  }

  /**
   * Submits a trial and starts it, then records both: the trial's folder, written first, is its
   * record until the turn ends. A crash in between leaves a folder the next start-up abandons.
   */
  private Launched launch(Map<String, Object> parameters, String source) {
    TrialSnapshot trial = submit(parameters, source);
    TrialStarter.Outcome outcome = starter.start(trial, parameters, config);
    if (outcome == TrialStarter.Outcome.FAILED) {
      noteEnd(trial, TrialStatus.FAILED, starter.failure());
    }
    return new Launched(trial.trialId(), outcome);
  }

  /** A trial just launched, and whether it started. */
  private record Launched(String trialId, TrialStarter.Outcome outcome) {}

  /** Takes a new trial into the history; it is recorded as WAITING when the turn ends. */
  private TrialSnapshot submit(Map<String, Object> parameters, String source) {
    TrialSnapshot trial = launcher.newTrial(history.size(), parameters, source);
    history.addSubmitted(trial.sequenceId(), parameters);
    unrecorded.add(new TrialTransition.Submitted(experimentId, trial, services.clock().instant()));
    return trial;
  }

  /** A trial that could not start waits for the next release of GPUs, or for the retry timer. */
  private void retryLater() {
    if (retry == null || retry.isDone()) {
      long delay = services.gpus().retryInterval().toMillis();
      retry = services.timers().schedule(() -> loop.post(this::fill), delay, TimeUnit.MILLISECONDS);
    }
  }

  /** Updates the tuner's view of an ended trial, then refills its slot. */
  private void trialEnded(
      TrialSnapshot trial, TrialStatus ended, String message, List<Double> curve) {
    noteEnd(trial, ended, message, curve);
    if (ending != null) {
      if (running.isEmpty()) {
        finishEnding();
      }
      return;
    }
    fill();
  }

  private void stopEarly(RunningTrial trial, String reason) {
    running.stop(trial, TrialStatus.EARLY_STOPPED, reason);
  }

  /** Updates the tuner's view of an ended trial and watches for a command that always fails. */
  private void noteEnd(TrialSnapshot trial, TrialStatus ended, String message) {
    noteEnd(trial, ended, message, List.of());
  }

  /** Also tells the assessor, which hears of every trial's end once. */
  private void noteEnd(TrialSnapshot trial, TrialStatus ended, String message, List<Double> curve) {
    assessment.ended(trial.sequenceId(), curve, ended);
    history.ended(trial.sequenceId(), ended);
    if (ended == TrialStatus.SUCCEEDED) {
      failureGuard.succeeded();
    } else if (ended == TrialStatus.FAILED && failureGuard.failed() && ending == null) {
      fail(
          "The first "
              + failureGuard.limit()
              + " trials all failed, so the experiment stopped. The last one, "
              + trial.label()
              + ", said: "
              + message
              + ". Fix the trial command, then resume the experiment.");
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
    budget.setAlarm(config, () -> loop.post(this::fill));
    fill();
  }

  private void updateStatus() {
    if (ending != null) {
      return;
    }
    boolean usedUp = budget.usedUp(config, counted());
    ExperimentStatus next =
        running.isEmpty() && starter.waitingCount() == 0 && (usedUp || tunerExhausted)
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
    budget.clearAlarm();
    TrialStatus trialEnd =
        outcome == ExperimentStatus.ERROR ? TrialStatus.SYS_CANCELED : TrialStatus.USER_CANCELED;
    String trialReason =
        outcome == ExperimentStatus.ERROR ? "the experiment failed" : STOPPED_WITH_EXPERIMENT;
    starter
        .endAll(trialEnd, trialReason)
        .forEach(waiting -> noteEnd(waiting, trialEnd, trialReason));
    recordTransitions();
    if (outcome == ExperimentStatus.ERROR) {
      services.ledger().fail(experimentId, reason);
      status = ExperimentStatus.ERROR;
    } else {
      services.ledger().markStopping(experimentId);
      status = ExperimentStatus.STOPPING;
    }
    running.endAll(trialEnd, trialReason);
    if (running.isEmpty()) {
      finishEnding();
    }
  }

  private void fail(String reason) {
    log.error("Experiment {} failed: {}", experimentId, reason);
    end(ExperimentStatus.ERROR, reason);
  }

  /** Opening failed part way: record the error if the experiment got that far, and let go. */
  private void abandonStart(RuntimeException e) {
    if (status != null && !status.isFinal() && ending == null) {
      fail("Tunelab could not start the experiment: " + e);
    } else if (!closed.isDone()) {
      close();
    }
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
    if (stopListening != null) {
      stopListening.run();
    }
    if (retry != null) {
      retry.cancel(false);
    }
    loop.close();
    onClose.accept(this);
    closed.complete(status);
  }

  /** The trials that count against {@code maxTrialNumber}. */
  private int counted() {
    return history.size() - endedByStop;
  }

  private Tuner newTuner() {
    TunerFactory factory = services.tuners().find(config.tuner().name()).orElseThrow();
    return factory.create(
        config.searchSpace(),
        TunerArgs.bind(factory.arguments(), config.tuner().classArgs(), tunerSeed));
  }
}
