package dev.tunelab.experiment;

import dev.tunelab.executor.TrialExit;
import dev.tunelab.executor.TrialProcess;
import dev.tunelab.gpu.GpuLease;
import dev.tunelab.gpu.GpuLeases;
import dev.tunelab.metric.MetricListener;
import dev.tunelab.trial.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trials whose processes a runner watches: their metrics, their {@code maxTrialDuration}, their
 * ending on request, and how each one ended. Used only on the runner's thread.
 */
final class RunningTrials {

  private static final Logger log = LoggerFactory.getLogger(RunningTrials.class);

  /** Told, on the runner's thread, how a trial ended once its transition is queued. */
  interface Ended {
    /**
     * @param curve its intermediate results, when the runner asked for them; else empty
     */
    void ended(TrialSnapshot trial, TrialStatus status, String message, List<Double> curve);
  }

  /** Told, on the runner's thread, a running trial's new intermediate results. */
  interface Intermediates {
    void reported(RunningTrial trial, List<Double> values);
  }

  /** Told the number of a trial's FINAL metric once it is stored. */
  interface FinalValue {
    void reported(int sequenceId, double value);
  }

  private final String experimentId;
  private final RunnerServices services;
  private final RunnerLoop loop;
  private final Consumer<TrialTransition> record;
  private final Map<Long, RunningTrial> running = new HashMap<>();
  private Intermediates onIntermediates;

  RunningTrials(
      String experimentId,
      RunnerServices services,
      RunnerLoop loop,
      Consumer<TrialTransition> record) {
    this.experimentId = experimentId;
    this.services = services;
    this.loop = loop;
    this.record = record;
  }

  /** Keeps each trial's intermediate results and reports new ones, for an assessor. */
  void reportIntermediatesTo(Intermediates listener) {
    this.onIntermediates = listener;
  }

  int size() {
    return running.size();
  }

  boolean isEmpty() {
    return running.isEmpty();
  }

  /**
   * Watches a started trial until its process exits.
   *
   * @param maxDuration ends it as EARLY_STOPPED after this long; null for no limit
   */
  void watch(
      TrialSnapshot trial,
      TrialProcess process,
      GpuLease lease,
      Duration maxDuration,
      FinalValue onFinal,
      Ended onEnded) {
    RunningTrial watched = new RunningTrial(trial, process, lease);
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
            new MetricListener() {
              @Override
              public void finalValue(double value) {
                loop.post(() -> onFinal.reported(trial.sequenceId(), value));
              }

              @Override
              public boolean wantsIntermediates() {
                return onIntermediates != null;
              }

              @Override
              public void intermediates(List<Double> values) {
                if (onIntermediates != null) {
                  loop.post(() -> onIntermediates.reported(watched, values));
                }
              }
            });
    if (maxDuration != null) {
      Instant started = trial.startedAt() == null ? services.clock().instant() : trial.startedAt();
      Duration left = maxDuration.minus(Duration.between(started, services.clock().instant()));
      String reason = "ran longer than maxTrialDuration (" + DurationText.format(maxDuration) + ")";
      watched.timeout =
          services
              .timers()
              .schedule(
                  () -> loop.post(() -> stop(watched, TrialStatus.EARLY_STOPPED, reason)),
                  Math.max(0, left.toMillis()),
                  TimeUnit.MILLISECONDS);
    }
    process.exit().whenComplete((exit, error) -> loop.post(() -> exited(watched, exit, onEnded)));
  }

  /**
   * Watches a trial that was running when Tunelab stopped, and takes back its GPUs.
   *
   * @param curveSoFar the intermediate results it reported before, for an assessor
   * @return false when the trial never started, or nothing shows that it did
   */
  boolean adopt(
      TrialSnapshot trial,
      List<Double> curveSoFar,
      Duration maxDuration,
      FinalValue onFinal,
      Ended onEnded) {
    if (trial.status() != TrialStatus.RUNNING) {
      return false;
    }
    Optional<TrialProcess> process = services.training().reattach(trial.directory());
    if (process.isEmpty()) {
      return false;
    }
    GpuLease lease =
        trial.gpuIndices().isEmpty()
            ? null
            : services
                .gpus()
                .restore(new GpuLeases.Holder(experimentId, trial.trialId()), trial.gpuIndices());
    log.info("Experiment {}: picked up {} again after a restart", experimentId, trial.label());
    watch(trial, process.get(), lease, maxDuration, onFinal, onEnded);
    running.get(trial.id()).curve.addAll(curveSoFar);
    return true;
  }

  /** Ends the running trial with this id; fails when no such trial runs. */
  void cancel(String trialId) {
    RunningTrial trial =
        running.values().stream()
            .filter(candidate -> candidate.trial.trialId().equals(trialId))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStatusException(
                        "Trial " + trialId + " is not running, so it cannot be cancelled"));
    stop(trial, TrialStatus.USER_CANCELED, "cancelled by the user");
  }

  /** Ends every running trial; each ends as {@code status} unless it exits by itself first. */
  void endAll(TrialStatus status, String reason) {
    List.copyOf(running.values()).forEach(trial -> stop(trial, status, reason));
  }

  /** Stops the timers; the processes keep running for a later runner to pick up. */
  void letGo() {
    running.values().forEach(trial -> cancel(trial.timeout));
  }

  /** Ends a running trial as {@code status} unless it exits by itself first. */
  void stop(RunningTrial trial, TrialStatus status, String reason) {
    if (running.containsKey(trial.trial.id()) && trial.requestEnd(status, reason)) {
      log.info("Experiment {}: ending {}: {}", experimentId, trial.trial.label(), reason);
      trial.process.terminate(services.settings().killGrace());
    }
  }

  private void exited(RunningTrial trial, TrialExit exit, Ended onEnded) {
    if (running.remove(trial.trial.id()) == null) {
      return;
    }
    cancel(trial.timeout);
    if (trial.lease != null) {
      services.gpus().release(trial.lease);
    }
    services.metrics().finish(trial.trial.id());
    Integer code = exit == null ? null : exit.exitCode();
    Instant at = exit == null ? services.clock().instant() : exit.endedAt();
    long id = trial.trial.id();
    if (trial.requestedEnd != null && !Objects.equals(code, 0)) {
      record.accept(
          new TrialTransition.EndedEarly(id, trial.requestedEnd, code, trial.requestedReason, at));
      onEnded.ended(trial.trial, trial.requestedEnd, trial.requestedReason, trial.curve);
    } else if (code == null) {
      String message =
          "The trial's process ended while Tunelab was down and left no exit code (killed?)";
      record.accept(new TrialTransition.EndedEarly(id, TrialStatus.FAILED, null, message, at));
      onEnded.ended(trial.trial, TrialStatus.FAILED, message, trial.curve);
    } else {
      String message = code == 0 ? null : FailureMessage.of(trial.trial.directory(), code);
      record.accept(new TrialTransition.Exited(id, code, message, at));
      onEnded.ended(
          trial.trial,
          code == 0 ? TrialStatus.SUCCEEDED : TrialStatus.FAILED,
          message,
          trial.curve);
    }
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
