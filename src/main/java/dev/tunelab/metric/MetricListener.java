package dev.tunelab.metric;

import java.util.List;

/**
 * Hears about a watched trial's metrics once they are stored. Called on the collector's thread or
 * on the thread that calls {@link MetricCollector#finish}: implementations must only hand work off.
 */
public interface MetricListener {

  /** The trial's first FINAL metric is stored; {@code value} is its finite number. */
  void finalValue(double value);

  /** Whether {@link #intermediates} should be called; a trial may write thousands at once. */
  boolean wantsIntermediates();

  /**
   * New intermediate results are stored.
   *
   * @param values their numbers in report order; {@link Double#NaN} where one was not finite
   */
  void intermediates(List<Double> values);
}
