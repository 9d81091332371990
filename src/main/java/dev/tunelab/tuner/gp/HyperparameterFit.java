package dev.tunelab.tuner.gp;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fits {@link Hyperparameters} by maximising their posterior ({@link MarginalLikelihood}) with
 * {@link BoxLbfgs} from several starts: a fixed typical point and the best of a few random points,
 * as scikit-learn's {@code n_restarts_optimizer} does, but bounded in cost.
 */
final class HyperparameterFit {

  static final double MIN_SIGNAL = 0.05;
  static final double MAX_SIGNAL = 20;
  static final double MAX_NOISE = 1;
  static final double MIN_LENGTH = 0.01;
  static final double MAX_LENGTH = 20;

  /** Random points scored before the searches. */
  static final int RANDOM_STARTS = 8;

  /** Searches run: the typical point and the best random ones. */
  static final int SEARCHES = 2;

  static final int EVALUATIONS_PER_SEARCH = 60;

  private HyperparameterFit() {}

  /**
   * The most probable hyper-parameters for observations {@code y} (standardised) at {@code x}.
   *
   * @param minNoise the smallest noise variance allowed (NNI's {@code alpha})
   */
  static Hyperparameters fit(
      Smoothness smoothness, double[][] x, double[] y, double minNoise, RandomGenerator rng) {
    int d = x[0].length;
    MarginalLikelihood objective = new MarginalLikelihood(smoothness, x, y);
    double[] lower = new double[d + 2];
    double[] upper = new double[d + 2];
    lower[0] = Math.log(MIN_SIGNAL);
    upper[0] = Math.log(MAX_SIGNAL);
    lower[1] = Math.log(Math.max(minNoise, 1e-10));
    upper[1] = Math.max(lower[1], Math.log(MAX_NOISE));
    Arrays.fill(lower, 2, d + 2, Math.log(MIN_LENGTH));
    Arrays.fill(upper, 2, d + 2, Math.log(MAX_LENGTH));

    double[][] starts = new double[RANDOM_STARTS + 1][];
    double[] values = new double[starts.length];
    starts[0] = new double[d + 2];
    starts[0][1] = Math.max(lower[1], Math.log(1e-3));
    Arrays.fill(starts[0], 2, d + 2, Math.log(0.5));
    for (int s = 1; s < starts.length; s++) {
      double[] theta = new double[d + 2];
      theta[0] = Math.log(rng.nextDouble(0.3, 3));
      theta[1] = rng.nextDouble(lower[1], Math.max(lower[1], Math.log(0.1)) + 1e-12);
      for (int j = 2; j < d + 2; j++) {
        theta[j] = Math.log(rng.nextDouble(0.05, 2));
      }
      starts[s] = theta;
    }
    for (int s = 0; s < starts.length; s++) {
      values[s] = objective.value(starts[s]);
    }
    Integer[] order = new Integer[starts.length - 1];
    Arrays.setAll(order, s -> s + 1);
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));

    BoxLbfgs.Result best = search(objective, starts[0], lower, upper);
    for (int k = 0; k < SEARCHES - 1 && k < order.length; k++) {
      if (Double.isFinite(values[order[k]])) {
        BoxLbfgs.Result result = search(objective, starts[order[k]], lower, upper);
        if (!(result.value() >= best.value())) {
          best = result;
        }
      }
    }
    if (!Double.isFinite(best.value())) {
      return Hyperparameters.fromLog(starts[0]);
    }
    return Hyperparameters.fromLog(best.point());
  }

  private static BoxLbfgs.Result search(
      MarginalLikelihood objective, double[] start, double[] lower, double[] upper) {
    return BoxLbfgs.minimize(objective, start, lower, upper, 1.0, EVALUATIONS_PER_SEARCH);
  }
}
