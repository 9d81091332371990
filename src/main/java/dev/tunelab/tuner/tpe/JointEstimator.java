package dev.tunelab.tuner.tpe;

import dev.tunelab.tuner.formatting.FormattedParameter;
import java.util.random.RandomGenerator;

/**
 * A Parzen estimator of a group of parameters jointly: one product kernel per observation plus one
 * for the prior, mixed by weight. A numeric parameter's kernel is a normal truncated to its bounds,
 * as wide as the larger gap to its neighbouring observations (the ends use the inner gap), clipped
 * to {@code [sigma / min(100, n + 2), sigma]} of the prior; the prior is NNI's normal({@code (low +
 * high) / 2}, {@code high - low}). A categorical one puts 1 on the observed category and {@code
 * prior_weight / (n + 1)} on every category; the prior is uniform. Values are internal.
 */
final class JointEstimator {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  // Mixture terms this far below the largest add less than 1e-17 each: not worth an exp.
  private static final double NEGLIGIBLE = -40;

  private final FormattedParameter[] parameters;
  private final int d;
  private final int m;
  // Row-major [component * d + dimension]; for categories, mus holds the category (NaN: prior).
  private final double[] mus;
  private final double[] sigmas;
  private final double[] logConstants;
  private final double[] cumulative;
  private final double[] hitShare;
  private final double[] logHit;
  private final double[] logMiss;

  /**
   * @param values the observations, {@code values[dimension][observation]}
   * @param weights the weight of each observation
   */
  JointEstimator(
      FormattedParameter[] parameters, double[][] values, double[] weights, double priorWeight) {
    this.parameters = parameters;
    this.d = parameters.length;
    int n = weights.length;
    this.m = n + 1;
    mus = new double[m * d];
    sigmas = new double[m * d];
    logConstants = new double[m];
    cumulative = new double[m];
    hitShare = new double[d];
    logHit = new double[d];
    logMiss = new double[d];
    double total = priorWeight;
    for (double w : weights) {
      total += w;
    }
    for (int j = 0; j < m; j++) {
      double w = j < n ? weights[j] : priorWeight;
      logConstants[j] = Math.log(w / total);
      cumulative[j] = (j == 0 ? 0 : cumulative[j - 1]) + w / total;
    }
    for (int k = 0; k < d; k++) {
      if (parameters[k].isCategorical()) {
        categorical(k, values[k], priorWeight);
      } else {
        numeric(k, values[k]);
      }
    }
  }

  private void categorical(int k, double[] observed, double priorWeight) {
    double size = parameters[k].categories();
    double share = priorWeight / m;
    hitShare[k] = 1 / (1 + size * share);
    logHit[k] = Math.log((1 + share) / (1 + size * share));
    logMiss[k] = Math.log(share / (1 + size * share));
    for (int j = 0; j < m; j++) {
      mus[j * d + k] = j < m - 1 ? observed[j] : Double.NaN;
    }
    logConstants[m - 1] -= Math.log(size);
  }

  private void numeric(int k, double[] observed) {
    FormattedParameter parameter = parameters[k];
    double[] widths = Bandwidths.of(observed, parameter);
    for (int j = 0; j < m; j++) {
      double mu = j < m - 1 ? observed[j] : parameter.priorMu();
      double sigma = j < m - 1 ? widths[j] : parameter.priorSigma();
      mus[j * d + k] = mu;
      sigmas[j * d + k] = sigma;
      logConstants[j] -= Math.log(sigma) + LOG_SQRT_2PI + Math.log(mass(parameter, mu, sigma));
    }
  }

  // The probability that N(mu, sigma) falls within the parameter's bounds.
  private static double mass(FormattedParameter parameter, double mu, double sigma) {
    double upper = (parameter.high() - mu) / sigma;
    double lower = (parameter.low() - mu) / sigma;
    return (upper > 8.5 ? 1 : NormalCdf.of(upper)) - (lower < -8.5 ? 0 : NormalCdf.of(lower));
  }

  /** One draw from the mixture. */
  double[] sample(RandomGenerator rng) {
    double u = rng.nextDouble() * cumulative[m - 1];
    int j = 0;
    int hi = m - 1;
    while (j < hi) {
      int mid = (j + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        j = mid + 1;
      }
    }
    double[] x = new double[d];
    for (int k = 0; k < d; k++) {
      FormattedParameter parameter = parameters[k];
      double mu = mus[j * d + k];
      if (parameter.isCategorical()) {
        boolean hit = !Double.isNaN(mu) && rng.nextDouble() < hitShare[k];
        x[k] = hit ? mu : rng.nextLong(parameter.categories());
      } else {
        do {
          x[k] = mu + sigmas[j * d + k] * rng.nextGaussian();
        } while (x[k] < parameter.low() || x[k] > parameter.high());
      }
    }
    return x;
  }

  /** The log density of the mixture at {@code x}, scratch holding at least one entry per kernel. */
  double logDensity(double[] x, double[] scratch) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < m; j++) {
      double term = logConstants[j];
      for (int k = 0, at = j * d; k < d; k++, at++) {
        double mu = mus[at];
        if (parameters[k].isCategorical()) {
          term += Double.isNaN(mu) ? 0 : mu == x[k] ? logHit[k] : logMiss[k];
        } else {
          double z = (x[k] - mu) / sigmas[at];
          term -= 0.5 * z * z;
        }
      }
      scratch[j] = term;
      max = Math.max(max, term);
    }
    double sum = 0;
    for (int j = 0; j < m; j++) {
      if (scratch[j] - max > NEGLIGIBLE) {
        sum += Math.exp(scratch[j] - max);
      }
    }
    return max + Math.log(sum);
  }

  /** How many kernels the mixture has: the size {@link #logDensity}'s scratch needs. */
  int kernels() {
    return m;
  }
}
