package dev.tunelab.tuner;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * An immutable snapshot of one trial, as tuners see it.
 *
 * @param sequenceId the trial's number in the experiment, from 0 in submission order
 * @param parameters the values the trial ran with, in NNI's form
 * @param state where the trial is in its life
 * @param value the default final metric the trial reported, when it reported a finite number
 */
public record TrialRecord(
    int sequenceId, Map<String, Object> parameters, State state, OptionalDouble value) {

  public TrialRecord {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** Whether the trial has ended and will report nothing more. */
  public boolean finished() {
    return state != State.PENDING;
  }

  /** A trial's life, reduced to what a tuner can act on. */
  public enum State {
    /** Waiting or running: its parameters are taken, its result is not known yet. */
    PENDING,
    /** Exited successfully. */
    SUCCEEDED,
    /** Failed, was cancelled or stopped early. */
    ENDED_EARLY
  }
}
