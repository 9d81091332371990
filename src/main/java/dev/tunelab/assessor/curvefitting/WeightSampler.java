package dev.tunelab.assessor.curvefitting;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NNI's {@code mcmc_sampling}: Metropolis-Hastings over the weights of the combined curve. Ten
 * chains start from equal weights and take twenty steps of Gaussian noise (σ = 0.0005), each
 * renormalised to sum 1 and accepted with probability min(1, P(new) / P(old)). P is NNI's
 * posterior: zero unless every weight is positive and the combination is higher at the target than
 * at epoch 1, times NNI's likelihood, a product over the points of {@code exp(-δ²/2σ²) /
 * sqrt(2π·σ)} (sic: σ, not σ²), σ² the combination's mean squared error. It is computed in logs so
 * that long curves do not underflow to 0/0, where NNI would reject every step.
 */
final class WeightSampler {

  static final int CHAINS = 10;
  static final int STEPS = 20;
  static final double STEP_SIZE = 0.0005;

  // values[c][i]: curve c at the i-th point, then at epoch 1, then at the target.
  private final double[][] values;
  private final double[] ys;
  private final int atEpochOne;
  private final int atTarget;

  WeightSampler(List<FittedCurve> curves, double[] xs, double[] ys, int target) {
    this.ys = ys;
    this.atEpochOne = xs.length;
    this.atTarget = xs.length + 1;
    this.values = new double[curves.size()][xs.length + 2];
    for (int c = 0; c < curves.size(); c++) {
      for (int i = 0; i < xs.length; i++) {
        values[c][i] = curves.get(c).at(xs[i]);
      }
      values[c][atEpochOne] = curves.get(c).at(1);
      values[c][atTarget] = curves.get(c).at(target);
    }
  }

  /** The mean over the chains' final weights of the combined curve at the target. */
  double meanPrediction(RandomGenerator random) {
    double[][] weights = new double[CHAINS][values.length];
    for (double[] chain : weights) {
      Arrays.fill(chain, 1.0 / values.length);
    }
    double[] logDensity = Arrays.stream(weights).mapToDouble(this::logPosterior).toArray();
    for (int step = 0; step < STEPS; step++) {
      double[][] proposals = new double[CHAINS][];
      for (int chain = 0; chain < CHAINS; chain++) {
        proposals[chain] = propose(weights[chain], random);
      }
      for (int chain = 0; chain < CHAINS; chain++) {
        double proposed = logPosterior(proposals[chain]);
        // NaN (both densities zero) never accepts, as NNI's 0/0 does not.
        if (random.nextDouble() < Math.exp(proposed - logDensity[chain])) {
          weights[chain] = proposals[chain];
          logDensity[chain] = proposed;
        }
      }
    }
    return Arrays.stream(weights)
        .mapToDouble(chain -> combined(chain, atTarget))
        .average()
        .orElseThrow();
  }

  private static double[] propose(double[] weights, RandomGenerator random) {
    double[] proposal = new double[weights.length];
    double sum = 0;
    for (int c = 0; c < weights.length; c++) {
      proposal[c] = weights[c] + random.nextGaussian() * STEP_SIZE;
      sum += proposal[c];
    }
    for (int c = 0; c < weights.length; c++) {
      proposal[c] /= sum;
    }
    return proposal;
  }

  private double logPosterior(double[] weights) {
    boolean positive = Arrays.stream(weights).allMatch(w -> w > 0);
    double prior =
        positive && !(combined(weights, atEpochOne) >= combined(weights, atTarget))
            ? 0
            : Double.NEGATIVE_INFINITY;
    double meanSquare = 0;
    for (int i = 0; i < ys.length; i++) {
      double delta = ys[i] - combined(weights, i);
      meanSquare += delta * delta;
    }
    meanSquare /= ys.length;
    double logLikelihood = 0;
    for (int i = 0; i < ys.length; i++) {
      double delta = ys[i] - combined(weights, i);
      logLikelihood +=
          delta * delta / (-2 * meanSquare) - 0.5 * Math.log(2 * Math.PI * Math.sqrt(meanSquare));
    }
    return prior + logLikelihood;
  }

  private double combined(double[] weights, int point) {
    double sum = 0;
    for (int c = 0; c < weights.length; c++) {
      sum += weights[c] * values[c][point];
    }
    return sum;
  }
}
