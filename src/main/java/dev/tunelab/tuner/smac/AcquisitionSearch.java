package dev.tunelab.tuner.smac;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * SMAC's acquisition maximiser ({@code LocalAndSortedRandomSearch}): random vectors from the prior
 * sorted by expected improvement, plus local searches in the one-exchange neighbourhood started
 * from the {@link #STARTS} observed points the forest predicts best and the {@link #STARTS} best
 * random vectors. A local search moves to its best neighbour while that improves the expected
 * improvement, for at most {@link #MAX_STEPS} steps.
 */
final class AcquisitionSearch {

  /** Random vectors scored per search (SMAC3 scores 10,000; 1,000 keeps a proposal cheap). */
  static final int RANDOM_CANDIDATES = 1000;

  static final int STARTS = 10;
  static final int MAX_STEPS = 30;

  /**
   * Candidates this close to a running trial (root-mean-square distance on the unit scale, same
   * options) are left out, so that concurrent trials explore different places: the constant liar
   * alone only lowers expectations inside the running trial's own leaves, which near the best point
   * are tiny.
   */
  static final double RUNNING_RADIUS = 0.05;

  private final Encoding encoding;
  private final Neighbourhood neighbourhood;
  private final RandomForest forest;
  private final double bestLog;

  AcquisitionSearch(Encoding encoding, RandomForest forest, double bestLog) {
    this.encoding = encoding;
    this.neighbourhood = new Neighbourhood(encoding);
    this.forest = forest;
    this.bestLog = bestLog;
  }

  /**
   * Candidate vectors, best expected improvement first; on ties the random ones come first, so a
   * forest that predicts the same everywhere gives random search.
   *
   * @param observed the points of the trials with a value
   * @param running the points of the running trials, whose surroundings are left out
   */
  List<double[]> ranked(List<double[]> observed, List<double[]> running, RandomGenerator rng) {
    List<Candidate> random = new ArrayList<>();
    for (int k = 0; k < RANDOM_CANDIDATES; k++) {
      random.add(score(encoding.random(rng)));
    }
    random.sort(Comparator.comparingDouble(Candidate::ei).reversed());
    List<Candidate> all = new ArrayList<>(random);
    for (double[] start : starts(observed, random)) {
      all.add(localSearch(score(start), rng));
    }
    all.sort(Comparator.comparingDouble(Candidate::ei).reversed());
    return all.stream()
        .map(Candidate::x)
        .filter(x -> running.stream().noneMatch(r -> encoding.near(x, r, RUNNING_RADIUS)))
        .toList();
  }

  private List<double[]> starts(List<double[]> observed, List<Candidate> random) {
    double[] means = observed.stream().mapToDouble(forest::mean).toArray();
    List<double[]> byMean =
        IntStream.range(0, observed.size())
            .boxed()
            .sorted(Comparator.comparingDouble(i -> means[i]))
            .map(observed::get)
            .toList();
    List<double[]> starts = new ArrayList<>();
    Set<List<Double>> seen = new HashSet<>();
    for (double[] x : byMean.subList(0, Math.min(STARTS, byMean.size()))) {
      if (seen.add(key(x))) {
        starts.add(x);
      }
    }
    for (Candidate candidate : random.subList(0, Math.min(STARTS, random.size()))) {
      if (seen.add(key(candidate.x()))) {
        starts.add(candidate.x());
      }
    }
    return starts;
  }

  private static List<Double> key(double[] x) {
    return Arrays.stream(x).boxed().toList();
  }

  private Candidate localSearch(Candidate start, RandomGenerator rng) {
    Candidate current = start;
    for (int step = 0; step < MAX_STEPS; step++) {
      Candidate best = null;
      for (double[] neighbour : neighbourhood.of(current.x(), rng)) {
        Candidate candidate = score(neighbour);
        if (best == null || candidate.ei() > best.ei()) {
          best = candidate;
        }
      }
      if (best == null || best.ei() <= current.ei()) {
        break;
      }
      current = best;
    }
    return current;
  }

  private Candidate score(double[] x) {
    RandomForest.Prediction prediction = forest.predict(x);
    return new Candidate(
        x, ExpectedImprovement.ofLogCost(prediction.mean(), prediction.variance(), bestLog));
  }

  private record Candidate(double[] x, double ei) {}
}
