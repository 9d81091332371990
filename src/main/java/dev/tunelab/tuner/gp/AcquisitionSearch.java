package dev.tunelab.tuner.gp;

import dev.tunelab.tuner.unitcube.UnitCube;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Maximises the utility over the unit cube as NNI's {@code acq_max} does, at bounded cost: scores
 * random points (a fifth of them drawn near the best observations), then runs {@link BoxLbfgs} from
 * the best of them and from the best observations. Every point is scored where the trial would
 * really run ({@link UnitCube#snap}), so integer, q and choice parameters are scored at their
 * rounded values.
 */
final class AcquisitionSearch {

  /** How far from the best observations the local warm-up points go (standard deviation). */
  static final double LOCAL_SPREAD = 0.05;

  /** How many of the best observations seed warm-up points and local searches. */
  static final int INCUMBENTS = 3;

  private static final int EVALUATIONS_PER_SEARCH = 40;

  private AcquisitionSearch() {}

  /** A snapped point and its utility. */
  record Candidate(double[] point, double utility) {}

  /**
   * Distinct candidate points, best first (ties in the order found).
   *
   * @param incumbents the best observed points, best first
   */
  static List<Candidate> rank(
      Surrogate surrogate,
      UnitCube cube,
      List<double[]> incumbents,
      GpSettings settings,
      RandomGenerator rng) {
    int d = cube.size();
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int local = incumbents.isEmpty() ? 0 : settings.warmUp() / 5;
    for (int k = 0; k < settings.warmUp(); k++) {
      double[] u = new double[d];
      double[] centre = k < local ? incumbents.get(k % incumbents.size()) : null;
      for (int j = 0; j < d; j++) {
        u[j] = centre == null ? rng.nextDouble() : centre[j] + LOCAL_SPREAD * rng.nextGaussian();
      }
      add(candidates, seen, surrogate, cube.snap(u));
    }
    List<Candidate> warmUp = new ArrayList<>(candidates);
    warmUp.sort(Comparator.comparingDouble(Candidate::utility).reversed());
    List<double[]> starts = new ArrayList<>(incumbents);
    warmUp.stream().limit(settings.startingPoints()).forEach(c -> starts.add(c.point()));
    double[] lower = new double[d];
    double[] upper = new double[d];
    Arrays.fill(upper, 1);
    for (double[] start : starts) {
      BoxLbfgs.Result result =
          BoxLbfgs.minimize(surrogate, start, lower, upper, 0.1, EVALUATIONS_PER_SEARCH);
      add(candidates, seen, surrogate, cube.snap(result.point()));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::utility).reversed());
    return candidates;
  }

  private static void add(
      List<Candidate> candidates, Set<String> seen, Surrogate surrogate, double[] point) {
    if (seen.add(Arrays.toString(point))) {
      double utility = surrogate.utility(point);
      candidates.add(
          new Candidate(point, Double.isNaN(utility) ? Double.NEGATIVE_INFINITY : utility));
    }
  }
}
