package dev.tunelab.tuner.anneal;

import dev.tunelab.tuner.formatting.FormattedParameter;
import dev.tunelab.tuner.formatting.FormattedSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One proposal of hyperopt's {@code AnnealingAlgo}. Parameters are filled in declaration order. A
 * parameter no trial has used is drawn from its prior. Otherwise a trial is picked among those that
 * used it: the one picked for an earlier parameter of this proposal when it has the parameter too,
 * else the i-th best with i geometric of mean 2 ({@code avg_best_idx}). The new value is drawn
 * around the picked trial's, in a neighbourhood that shrinks as {@code 1 / (1 + 0.1 T)} with T the
 * number of trials that used the parameter: a window of that fraction of the range for the uniform
 * types, a normal with that fraction of sigma for the normal types, and for choice and randint the
 * picked category with probability {@code 1 - shrink}, else a uniform one.
 */
final class AnnealSampler {

  static final double AVG_BEST_IDX = 2.0;
  static final double SHRINK_COEF = 0.1;

  private final FormattedSpace space;

  AnnealSampler(FormattedSpace space) {
    this.space = space;
  }

  /**
   * @param points completed parameter sets in internal form
   * @param losses the loss of each
   * @return a parameter set in internal form, NaN for inactive parameters
   */
  double[] suggest(List<double[]> points, double[] losses, RandomGenerator rng) {
    Integer[] byLoss = new Integer[points.size()];
    Arrays.setAll(byLoss, i -> i);
    Arrays.sort(byLoss, Comparator.comparingDouble(i -> losses[i]));
    List<Integer> picked = new ArrayList<>();
    double[] point = new double[space.size()];
    Arrays.fill(point, Double.NaN);
    for (int index = 0; index < space.size(); index++) {
      if (!space.isActive(index, point)) {
        continue;
      }
      final int parameter = index;
      int[] using =
          Arrays.stream(byLoss)
              .mapToInt(Integer::intValue)
              .filter(i -> !Double.isNaN(points.get(i)[parameter]))
              .toArray();
      FormattedParameter spec = space.parameter(index);
      if (using.length == 0) {
        point[index] = spec.sample(rng);
        continue;
      }
      int trial = pick(using, picked, points, index, rng);
      double shrink = 1 / (1 + using.length * SHRINK_COEF);
      point[index] = around(spec, points.get(trial)[index], shrink, rng);
    }
    return point;
  }

  private static int pick(
      int[] using, List<Integer> picked, List<double[]> points, int index, RandomGenerator rng) {
    for (int trial : picked) {
      if (!Double.isNaN(points.get(trial)[index])) {
        return trial;
      }
    }
    // numpy's geometric(p) - 1 with p = 1 / avg_best_idx: the number of failures before a success.
    double p = 1 / AVG_BEST_IDX;
    long failures = (long) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(1 - p));
    int trial = using[(int) Math.min(failures, using.length - 1)];
    picked.add(trial);
    return trial;
  }

  private static double around(
      FormattedParameter spec, double value, double shrink, RandomGenerator rng) {
    if (spec.isCategorical()) {
      return rng.nextDouble() < 1 - shrink ? value : rng.nextLong(spec.categories());
    }
    if (spec.isNormal()) {
      return value + spec.priorSigma() * shrink * rng.nextGaussian();
    }
    double half = 0.5 * (spec.high() - spec.low()) * shrink;
    double middle = Math.min(spec.high() - half, Math.max(spec.low() + half, value));
    return middle - half + 2 * half * rng.nextDouble();
  }
}
