package dev.tunelab.tuner.gp;

import org.apache.commons.math3.special.Erf;

/**
 * NNI's utility (acquisition) functions, written for a loss to minimise: the value of evaluating a
 * point whose loss the GP predicts as {@code N(mean, sd^2)}, given the best loss {@code best} so
 * far. Higher is better. Each also gives its derivatives in the mean and the standard deviation.
 */
enum Utility {
  /** Expected improvement over {@code best - xi}. */
  EI,
  /** Lower confidence bound of the loss, negated: {@code -(mean - kappa * sd)}. */
  UCB,
  /** Probability of improvement over {@code best - xi}. */
  POI;

  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /**
   * The utility at a point.
   *
   * @param derivatives receives {@code [d/d mean, d/d sd]} when not null
   */
  double value(double mean, double sd, double best, double kappa, double xi, double[] derivatives) {
    if (this == UCB) {
      if (derivatives != null) {
        derivatives[0] = -1;
        derivatives[1] = kappa;
      }
      return -mean + kappa * sd;
    }
    double z = (best - xi - mean) / sd;
    double pdf = INV_SQRT_2PI * Math.exp(-z * z / 2);
    double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
    if (this == POI) {
      if (derivatives != null) {
        derivatives[0] = -pdf / sd;
        derivatives[1] = -pdf * z / sd;
      }
      return cdf;
    }
    if (derivatives != null) {
      derivatives[0] = -cdf;
      derivatives[1] = pdf;
    }
    return sd * improvement(z, pdf, cdf);
  }

  // phi(z) + z Phi(z), with an asymptotic series where the two terms cancel.
  static double improvement(double z, double pdf, double cdf) {
    if (z > -6) {
      return pdf + z * cdf;
    }
    double inverse = 1 / (z * z);
    return pdf * inverse * (1 - inverse * (3 - inverse * (15 - inverse * (105 - 945 * inverse))));
  }
}
