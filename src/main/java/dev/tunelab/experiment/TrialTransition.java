package dev.tunelab.experiment;

import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialStatus;
import java.time.Instant;

/**
 * A change in a trial's life that the runner has acted on and the ledger records: the runner
 * collects them while it works and records them together before its turn ends.
 */
sealed interface TrialTransition {

  /** The trial's database id. */
  long trialId();

  /** When it happened. */
  Instant at();

  /** Applies the change through the trial's guarded verbs. */
  void applyTo(Trial trial);

  /** What the event log says about it; may be null. */
  String detail();

  /** The process started. */
  record Started(long trialId, long pid, Instant at) implements TrialTransition {
    @Override
    public void applyTo(Trial trial) {
      trial.start(pid, at);
    }

    @Override
    public String detail() {
      return "pid " + pid;
    }
  }

  /** The process exited by itself: SUCCEEDED on code 0, FAILED with {@code failure} otherwise. */
  record Exited(long trialId, int exitCode, String failure, Instant at) implements TrialTransition {
    @Override
    public void applyTo(Trial trial) {
      trial.exit(exitCode, failure, at);
    }

    @Override
    public String detail() {
      return failure;
    }
  }

  /** The trial was ended on purpose, or could not run; {@code exitCode} may be null. */
  record EndedEarly(long trialId, TrialStatus status, Integer exitCode, String reason, Instant at)
      implements TrialTransition {
    @Override
    public void applyTo(Trial trial) {
      trial.endEarly(status, exitCode, reason, at);
    }

    @Override
    public String detail() {
      return reason;
    }
  }
}
