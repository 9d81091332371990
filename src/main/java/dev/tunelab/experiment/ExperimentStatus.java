package dev.tunelab.experiment;

/** An experiment's status, with NNI's names. */
public enum ExperimentStatus {
  /** Accepted, not started yet. */
  INITIALIZED,
  /** Submitting and running trials. */
  RUNNING,
  /** A budget (trials or time) is used up; submitted trials are still running. */
  NO_MORE_TRIAL,
  /** The tuner has nothing more to propose; submitted trials are still running. */
  TUNER_NO_MORE_TRIAL,
  /** Every trial has finished and no more will be submitted. */
  DONE,
  /** Stopping: running trials are being ended. */
  STOPPING,
  /** Stopped by the user; can be resumed. */
  STOPPED,
  /** Ended by an error; the message says what happened. */
  ERROR;

  /** Whether time counts against {@code maxExperimentDuration} in this status. */
  public boolean isActive() {
    return this == RUNNING || this == NO_MORE_TRIAL || this == TUNER_NO_MORE_TRIAL;
  }

  /** Whether nothing runs and nothing will until the user resumes the experiment. */
  public boolean isFinal() {
    return this == DONE || this == STOPPED || this == ERROR;
  }
}
