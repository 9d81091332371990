package dev.tunelab.experiment;

import dev.tunelab.executor.TrialProcess;
import dev.tunelab.gpu.GpuLease;
import dev.tunelab.trial.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/** A trial whose process the runner watches; touched only on the runner's thread. */
final class RunningTrial {

  final TrialSnapshot trial;
  final TrialProcess process;

  /** The trial's GPUs; null when it has none. Released once, when the trial has exited. */
  final GpuLease lease;

  /** Its intermediate results so far, kept only when the experiment has an assessor. */
  final List<Double> curve = new ArrayList<>();

  ScheduledFuture<?> timeout;
  TrialStatus requestedEnd;
  String requestedReason;

  RunningTrial(TrialSnapshot trial, TrialProcess process, GpuLease lease) {
    this.trial = trial;
    this.process = process;
    this.lease = lease;
  }

  /** Remembers why the trial is being ended; the first reason wins. */
  boolean requestEnd(TrialStatus status, String reason) {
    if (requestedEnd != null) {
      return false;
    }
    requestedEnd = status;
    requestedReason = reason;
    return true;
  }
}
