package dev.tunelab.experiment;

import dev.tunelab.executor.TrialProcess;
import dev.tunelab.gpu.GpuLease;
import dev.tunelab.gpu.GpuLeases;
import dev.tunelab.gpu.model.GpuRequest;
import dev.tunelab.trial.TrialStatus;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts submitted trials: gets their GPUs from the shared leases when the experiment asks for
 * GPUs, then starts their process. A trial that cannot get its GPUs waits, in submission order,
 * with the reason recorded on it; {@link #startWaiting} tries again. Used only on the runner's
 * thread.
 */
final class TrialStarter {

  /** How one attempt to start a trial ended. */
  enum Outcome {
    STARTED,
    WAITING,
    /** The process could not start; the trial ended as FAILED (see {@link #failure()}). */
    FAILED
  }

  private final String experimentId;
  private final RunnerServices services;
  private final TrialLauncher launcher;
  private final RunningTrials running;
  private final Consumer<TrialTransition> record;
  private final RunningTrials.FinalValue onFinal;
  private final RunningTrials.Ended onEnded;
  private final Deque<Pending> waiting = new ArrayDeque<>();
  private String failure;

  /**
   * @param onFinal told each started trial's FINAL metric
   * @param onEnded told when each started trial has ended
   */
  TrialStarter(
      String experimentId,
      RunnerServices services,
      TrialLauncher launcher,
      RunningTrials running,
      Consumer<TrialTransition> record,
      RunningTrials.FinalValue onFinal,
      RunningTrials.Ended onEnded) {
    this.experimentId = experimentId;
    this.services = services;
    this.launcher = launcher;
    this.running = running;
    this.record = record;
    this.onFinal = onFinal;
    this.onEnded = onEnded;
  }

  /** Starts a trial, or queues it behind the waiting ones when it cannot get its GPUs now. */
  Outcome start(TrialSnapshot trial, Map<String, Object> parameters, ExperimentConfig config) {
    Pending pending = new Pending(trial, parameters);
    Outcome outcome = waiting.isEmpty() ? attempt(pending, config) : Outcome.WAITING;
    if (outcome == Outcome.WAITING) {
      waiting.addLast(pending);
    }
    return outcome;
  }

  /**
   * Queues a trial without trying to start it: one that was waiting when Tunelab stopped, or a
   * customised one submitted while every slot is taken. {@link #startWaiting} starts it in turn.
   */
  void queue(TrialSnapshot trial, Map<String, Object> parameters) {
    waiting.addLast(new Pending(trial, parameters));
  }

  /**
   * Starts waiting trials in order while slots are free and GPUs allow.
   *
   * @return the outcome of the last attempt; STARTED when no trial waits any more
   */
  Outcome startWaiting(int freeSlots, ExperimentConfig config) {
    int slots = freeSlots;
    while (!waiting.isEmpty() && slots > 0) {
      Outcome outcome = attempt(waiting.peekFirst(), config);
      if (outcome == Outcome.WAITING) {
        return outcome;
      }
      waiting.removeFirst();
      if (outcome == Outcome.FAILED) {
        return outcome;
      }
      slots--;
    }
    return waiting.isEmpty() ? Outcome.STARTED : Outcome.WAITING;
  }

  int waitingCount() {
    return waiting.size();
  }

  /** Ends a waiting trial as {@code status}; empty when no trial with this id waits. */
  Optional<TrialSnapshot> end(String trialId, TrialStatus status, String reason) {
    Optional<Pending> found =
        waiting.stream().filter(p -> p.trial.trialId().equals(trialId)).findFirst();
    found.ifPresent(pending -> end(pending, status, reason));
    return found.map(Pending::trial);
  }

  /** Ends every waiting trial as {@code status}, as when the experiment ends. */
  List<TrialSnapshot> endAll(TrialStatus status, String reason) {
    List<Pending> all = List.copyOf(waiting);
    all.forEach(pending -> end(pending, status, reason));
    return all.stream().map(Pending::trial).toList();
  }

  private void end(Pending pending, TrialStatus status, String reason) {
    waiting.remove(pending);
    record.accept(
        new TrialTransition.EndedEarly(
            pending.trial.id(), status, null, reason, services.clock().instant()));
  }

  /** Why the last FAILED attempt failed. */
  String failure() {
    return failure;
  }

  private Outcome attempt(Pending pending, ExperimentConfig config) {
    TrialSnapshot trial = pending.trial;
    GpuLease lease = null;
    Optional<GpuRequest> request = config.gpuRequest();
    if (request.isPresent()) {
      GpuLeases.Result result =
          services
              .gpus()
              .acquire(new GpuLeases.Holder(experimentId, trial.trialId()), request.get());
      if (result.lease() == null) {
        if (!result.waitReason().equals(pending.reason)) {
          pending.reason = result.waitReason();
          record.accept(
              new TrialTransition.Waiting(trial.id(), pending.reason, services.clock().instant()));
        }
        return Outcome.WAITING;
      }
      lease = result.lease();
    }
    TrialProcess process;
    try {
      process = launcher.start(trial, pending.parameters, lease);
    } catch (IOException e) {
      if (lease != null) {
        services.gpus().release(lease);
      }
      failure = "Tunelab could not start the trial: " + e.getMessage();
      record.accept(
          new TrialTransition.EndedEarly(
              trial.id(), TrialStatus.FAILED, null, failure, services.clock().instant()));
      return Outcome.FAILED;
    }
    List<Integer> gpus = lease == null ? List.of() : lease.indices();
    record.accept(
        new TrialTransition.Started(trial.id(), process.pid(), gpus, services.clock().instant()));
    running.watch(trial, process, lease, config.maxTrialDuration(), onFinal, onEnded);
    return Outcome.STARTED;
  }

  private static final class Pending {
    final TrialSnapshot trial;
    final Map<String, Object> parameters;
    String reason;

    Pending(TrialSnapshot trial, Map<String, Object> parameters) {
      this.trial = trial;
      this.parameters = parameters;
    }

    TrialSnapshot trial() {
      return trial;
    }
  }
}
