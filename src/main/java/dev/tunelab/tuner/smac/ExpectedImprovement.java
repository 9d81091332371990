package dev.tunelab.tuner.smac;

import org.apache.commons.math3.special.Erf;

/**
 * SMAC's acquisition function: expected improvement for a model of log-transformed costs ({@code
 * EI(log=True)} in SMAC3's HPO facade). The forest predicts {@code z = log(u)} for the scaled cost
 * {@code u > 0}; with {@code z ~ N(m, s²)}, {@code u} is log-normal and its expected improvement
 * over the best scaled cost {@code f = exp(zBest)} has the closed form {@code f Φ(v) − exp(m +
 * s²/2) Φ(v − s)} with {@code v = (zBest − m) / s}.
 */
final class ExpectedImprovement {

  /** The smallest standard deviation used, so that a certain prediction still ranks by its mean. */
  static final double MIN_SD = 1e-6;

  private ExpectedImprovement() {}

  /**
   * The expected improvement of a point.
   *
   * @param mean the predicted mean of the log cost
   * @param variance the predicted variance of the log cost
   * @param bestLog the log cost of the best observation
   * @return the expected decrease below {@code exp(bestLog)} of the cost, at least 0
   */
  static double ofLogCost(double mean, double variance, double bestLog) {
    double s = Math.max(MIN_SD, Math.sqrt(variance));
    double v = (bestLog - mean) / s;
    double ei = Math.exp(bestLog) * cdf(v) - Math.exp(mean + s * s / 2) * cdf(v - s);
    return Math.max(0, ei);
  }

  /** The standard normal distribution function. */
  static double cdf(double t) {
    return 0.5 * Erf.erfc(-t / Math.sqrt(2));
  }
}
