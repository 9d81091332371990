package dev.tunelab.tuner;

import java.util.List;

/**
 * Proposes parameter sets for new trials.
 *
 * <p>One experiment runner owns each tuner and calls it from a single thread, so implementations
 * need no locking. A tuner is built for one search space (see {@link TunerFactory}); when the user
 * changes the space, the runner builds a new tuner and hands it the same history.
 *
 * <p>Determinism: given the same search space, arguments (including the seed) and history, {@link
 * #suggest} returns the same parameter sets. Implementations may cache work across calls only if
 * that keeps true, so that a tuner rebuilt from the stored history after a restart proposes what
 * the lost one would have.
 */
public interface Tuner {

  /**
   * Proposes up to {@code count} new parameter sets.
   *
   * @param history every trial of the experiment so far in submission order, those still waiting or
   *     running included (without a value); it may hold trials the tuner did not propose
   *     (customised, imported, or from an earlier search space) and parameter sets outside the
   *     current space, which the tuner must tolerate
   * @param count how many the runner can start now, at least 1
   * @return at most {@code count} parameter sets, each a value of the search space in NNI's form
   *     (see {@link dev.tunelab.searchspace.SearchSpace#sample}); fewer, possibly none, when the
   *     tuner has nothing to propose until running trials finish; {@link Suggestions#exhausted()}
   *     when it will never propose anything again for this search space
   */
  Suggestions suggest(List<TrialRecord> history, int count);
}
