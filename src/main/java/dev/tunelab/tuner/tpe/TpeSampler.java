package dev.tunelab.tuner.tpe;

import dev.tunelab.tuner.formatting.FormattedParameter;
import dev.tunelab.tuner.formatting.FormattedSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One TPE proposal from a set of observations. The parameters are modelled in groups that are
 * active together: the top level, then each option of a nested choice once it is chosen, from the
 * observations where the group was active. A group with fewer than {@code n_startup_jobs}
 * observations is drawn from its prior. Otherwise the observations are split by loss into the best
 * {@code min(ceil(gamma * sqrt(n)), linear_forgetting)} and the rest; {@code n_ei_candidates}
 * candidates are drawn from the good group's density l and the one with the largest l(x) / g(x) is
 * taken, g the density of the rest (see {@link JointEstimator}). In each group, the oldest
 * observations beyond the newest {@code linear_forgetting} weigh less, linearly.
 */
final class TpeSampler {

  private final FormattedSpace space;
  private final TpeArguments args;
  private final List<int[]> groups = new ArrayList<>();

  TpeSampler(FormattedSpace space, TpeArguments args) {
    this.space = space;
    this.args = args;
    Map<Long, List<Integer>> byCondition = new LinkedHashMap<>();
    for (int index = 0; index < space.size(); index++) {
      FormattedParameter parameter = space.parameter(index);
      long condition = ((long) parameter.parent() << 32) | (parameter.option() & 0xffffffffL);
      byCondition.computeIfAbsent(condition, key -> new ArrayList<>()).add(index);
    }
    byCondition.values().forEach(g -> groups.add(g.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * @param points observed parameter sets in internal form, in history order
   * @param losses the loss of each, lies included
   * @return a parameter set in internal form, NaN for inactive parameters
   */
  double[] suggest(List<double[]> points, double[] losses, RandomGenerator rng) {
    double[] point = new double[space.size()];
    Arrays.fill(point, Double.NaN);
    for (int[] group : groups) {
      if (!space.isActive(group[0], point)) {
        continue;
      }
      int[] observed = observing(points, group[0]);
      double[] chosen =
          observed.length < args.startupJobs()
              ? prior(group, rng)
              : model(group, points, losses, observed, rng);
      for (int k = 0; k < group.length; k++) {
        point[group[k]] = chosen[k];
      }
    }
    return point;
  }

  private static int[] observing(List<double[]> points, int index) {
    int[] observed = new int[points.size()];
    int n = 0;
    for (int i = 0; i < points.size(); i++) {
      if (!Double.isNaN(points.get(i)[index])) {
        observed[n++] = i;
      }
    }
    return Arrays.copyOf(observed, n);
  }

  private double[] prior(int[] group, RandomGenerator rng) {
    double[] values = new double[group.length];
    for (int k = 0; k < group.length; k++) {
      values[k] = space.parameter(group[k]).sample(rng);
    }
    return values;
  }

  private double[] model(
      int[] group, List<double[]> points, double[] losses, int[] observed, RandomGenerator rng) {
    int n = observed.length;
    double[] groupLosses = new double[n];
    for (int i = 0; i < n; i++) {
      groupLosses[i] = losses[observed[i]];
    }
    int good = (int) Math.min(Math.ceil(args.gamma() * Math.sqrt(n)), args.linearForgetting());
    boolean[] isGood = new boolean[n];
    for (int i : Argsort.smallest(groupLosses, good)) {
      isGood[i] = true;
    }
    JointEstimator below = estimator(group, points, observed, isGood, true, good);
    JointEstimator above = estimator(group, points, observed, isGood, false, n - good);
    double[] scratch = new double[Math.max(below.kernels(), above.kernels())];
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < args.eiCandidates(); c++) {
      double[] candidate = below.sample(rng);
      double score = below.logDensity(candidate, scratch) - above.logDensity(candidate, scratch);
      if (best == null || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  // The estimator of the good (or the other) observations, which stay in history order.
  private JointEstimator estimator(
      int[] group, List<double[]> points, int[] observed, boolean[] isGood, boolean good, int n) {
    FormattedParameter[] parameters = new FormattedParameter[group.length];
    double[][] values = new double[group.length][n];
    for (int k = 0; k < group.length; k++) {
      parameters[k] = space.parameter(group[k]);
    }
    int at = 0;
    for (int i = 0; i < observed.length; i++) {
      if (isGood[i] == good) {
        double[] point = points.get(observed[i]);
        for (int k = 0; k < group.length; k++) {
          values[k][at] = point[group[k]];
        }
        at++;
      }
    }
    return new JointEstimator(parameters, values, forgetting(n), args.priorWeight());
  }

  /**
   * The weights of n observations in history order ({@code linear_forgetting_weights} of NNI and
   * hyperopt): the newest {@code linear_forgetting} weigh 1, the older ones ramp up linearly from
   * {@code 1 / n}.
   */
  private double[] forgetting(int n) {
    int ramp = n - args.linearForgetting();
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = i >= ramp ? 1 : ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
    }
    return weights;
  }
}
