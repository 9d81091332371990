package dev.tunelab.trial;

/** A trial's status, with NNI's names. */
public enum TrialStatus {
  /** Submitted, not started yet (for example, waiting for a GPU). */
  WAITING,
  RUNNING,
  /** Exited with code 0. */
  SUCCEEDED,
  /** Exited with another code, or could not start. */
  FAILED,
  /** Cancelled by the user, or by stopping the experiment. */
  USER_CANCELED,
  /** Cancelled by Tunelab itself, for example when it restarted before the trial could start. */
  SYS_CANCELED,
  /** Stopped by an assessor or by {@code maxTrialDuration}. */
  EARLY_STOPPED;

  /** Whether the trial has ended and will change no more. */
  public boolean isFinished() {
    return this != WAITING && this != RUNNING;
  }
}
