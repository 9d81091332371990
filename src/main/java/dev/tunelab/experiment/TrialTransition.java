package dev.tunelab.experiment;

import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialRepository;
import dev.tunelab.trial.TrialStatus;
import java.time.Instant;
import java.util.List;

/**
 * A change in a trial's life that the runner has acted on and the ledger records: the runner
 * collects them during its turn and records them together when the turn ends.
 */
sealed interface TrialTransition {

  /** The trial's database id. */
  long trialId();

  /** When it happened. */
  Instant at();

  /** What the event log says about it; may be null. */
  String detail();

  /** Applies the change through the trial's guarded verbs and returns the trial. */
  Trial applyTo(TrialRepository trials);

  private static Trial load(TrialRepository trials, long trialId) {
    return trials
        .findById(trialId)
        .orElseThrow(() -> new IllegalStateException("trial " + trialId + " is not recorded"));
  }

  /** A new trial, WAITING, whose folder is written. */
  record Submitted(String experimentId, TrialSnapshot trial, Instant at)
      implements TrialTransition {
    @Override
    public long trialId() {
      return trial.id();
    }

    @Override
    public String detail() {
      return trial.parameterSource();
    }

    @Override
    public Trial applyTo(TrialRepository trials) {
      Long parameterId =
          trial.parameterSource().equals("customized") ? null : (long) trial.sequenceId();
      return trials.saveAndFlush(
          new Trial(
              trial.id(),
              experimentId,
              trial.trialId(),
              trial.sequenceId(),
              parameterId,
              trial.parameterSource(),
              trial.parameters(),
              trial.directory().toString(),
              at));
    }
  }

  /** The trial waits, for the reason given, such as GPUs. */
  record Waiting(long trialId, String reason, Instant at) implements TrialTransition {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public Trial applyTo(TrialRepository trials) {
      Trial trial = load(trials, trialId);
      trial.waitFor(reason);
      return trial;
    }
  }

  /** The process started, on these GPUs (none: empty). */
  record Started(long trialId, long pid, List<Integer> gpuIndices, Instant at)
      implements TrialTransition {
    @Override
    public String detail() {
      return gpuIndices.isEmpty() ? "pid " + pid : "pid " + pid + " on GPU " + gpuIndices;
    }

    @Override
    public Trial applyTo(TrialRepository trials) {
      Trial trial = load(trials, trialId);
      trial.start(pid, gpuIndices, at);
      return trial;
    }
  }

  /** The process exited by itself: SUCCEEDED on code 0, FAILED with {@code failure} otherwise. */
  record Exited(long trialId, int exitCode, String failure, Instant at) implements TrialTransition {
    @Override
    public String detail() {
      return failure;
    }

    @Override
    public Trial applyTo(TrialRepository trials) {
      Trial trial = load(trials, trialId);
      trial.exit(exitCode, failure, at);
      return trial;
    }
  }

  /** The trial was ended on purpose, or could not run; {@code exitCode} may be null. */
  record EndedEarly(long trialId, TrialStatus status, Integer exitCode, String reason, Instant at)
      implements TrialTransition {
    @Override
    public String detail() {
      return reason;
    }

    @Override
    public Trial applyTo(TrialRepository trials) {
      Trial trial = load(trials, trialId);
      trial.endEarly(status, exitCode, reason, at);
      return trial;
    }
  }
}
