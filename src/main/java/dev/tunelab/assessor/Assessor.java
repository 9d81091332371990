package dev.tunelab.assessor;

import java.util.List;

/**
 * Decides whether a running trial should stop early, from its intermediate results.
 *
 * <p>One experiment runner owns each assessor and calls it from a single thread, so implementations
 * need no locking. When a runner opens an experiment it builds a new assessor and tells it, through
 * {@link #trialEnded}, about every trial that had already ended, in sequence order: an assessor
 * keeps only state that this replay restores, so a restart changes no verdict.
 *
 * <p>Intermediate results are the numbers of a trial's PERIODICAL metrics in report order (the
 * {@code default} of dict metrics); a result that was not a finite number is passed as {@link
 * Double#NaN}.
 */
public interface Assessor {

  /**
   * Judges a running trial after it reported its latest intermediate result.
   *
   * @param sequenceId the trial's number in the experiment
   * @param intermediates every intermediate result of the trial so far, oldest first, at least one
   * @return {@link Verdict#BAD} to stop the trial now (it ends as EARLY_STOPPED)
   */
  Verdict assess(int sequenceId, List<Double> intermediates);

  /**
   * A trial ended. Called once per trial, including at replay for trials that ended before the
   * runner opened; trials ended by this assessor are reported too, as not succeeded.
   *
   * @param intermediates all its intermediate results, oldest first; may be empty
   * @param succeeded whether it exited successfully (SUCCEEDED); only such trials usually inform
   *     later verdicts, as in NNI
   */
  void trialEnded(int sequenceId, List<Double> intermediates, boolean succeeded);

  /** An assessor's judgement. */
  enum Verdict {
    /** Let the trial go on. */
    GOOD,
    /** Stop the trial now. */
    BAD
  }
}
