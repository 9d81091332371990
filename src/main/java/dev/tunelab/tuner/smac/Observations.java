package dev.tunelab.tuner.smac;

import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TrialRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The history as SMAC's run history: the encoded trials of the current space (others are skipped)
 * with their losses, turned into the forest's training data.
 *
 * <p>A trial with a value counts with its loss, imported ones included. A finished trial without
 * one (failed, cancelled, stopped early before a final result) counts as the worst loss seen, as
 * SMAC imputes crashed runs. A running trial counts as the median loss seen (a constant liar), so
 * that the model stops expecting much from the region it is already evaluating and concurrent
 * proposals spread out.
 */
final class Observations {

  /** At most this many points train the forest: the best fifth and then the latest. */
  static final int MAX_POINTS = 2000;

  // Losses beyond this are clipped, so that scaling them cannot overflow.
  private static final double LIMIT = 1e100;

  private final List<double[]> points = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();

  /** The trials of {@code history} that are values of the encoding's space. */
  static Observations of(Encoding encoding, List<TrialRecord> history, OptimizeMode mode) {
    Observations observations = new Observations();
    for (TrialRecord trial : history) {
      encoding
          .encode(trial.parameters())
          .ifPresent(
              x -> {
                if (!trial.finished()) {
                  observations.addPending(x);
                } else if (trial.value().isPresent()) {
                  double loss = mode.loss(trial.value().getAsDouble());
                  observations.add(x, Math.max(-LIMIT, Math.min(LIMIT, loss)));
                } else {
                  observations.add(x, Double.NaN);
                }
              });
    }
    return observations;
  }

  private void add(double[] x, Double loss) {
    points.add(x);
    losses.add(loss);
  }

  /** Adds a trial that is running: a proposal of the current call. */
  void addPending(double[] x) {
    add(x, null);
  }

  /** How many trials of the space the history holds, running ones included. */
  int size() {
    return points.size();
  }

  /** The vectors of the running trials, this call's proposals included. */
  List<double[]> running() {
    return IntStream.range(0, size())
        .filter(i -> losses.get(i) == null)
        .mapToObj(points::get)
        .toList();
  }

  /** The forest's training data; empty while no trial of the space has a value. */
  Optional<TrainingData> trainingData(int[] categories) {
    int[] valued = IntStream.range(0, size()).filter(this::hasValue).toArray();
    if (valued.length == 0) {
      return Optional.empty();
    }
    double[] sorted = Arrays.stream(valued).mapToDouble(losses::get).sorted().toArray();
    CostScale scale = CostScale.of(sorted);
    double median = CostScale.percentile(sorted, 50);
    int[] kept = kept(valued);
    double[][] x = new double[kept.length][];
    double[] y = new double[kept.length];
    List<double[]> observed = new ArrayList<>();
    for (int k = 0; k < kept.length; k++) {
      Double loss = losses.get(kept[k]);
      x[k] = points.get(kept[k]);
      y[k] = scale.apply(loss == null ? median : loss.isNaN() ? scale.worst() : loss);
      if (hasValue(kept[k])) {
        observed.add(x[k]);
      }
    }
    return Optional.of(
        new TrainingData(ForestData.of(x, y, categories), scale.apply(sorted[0]), observed));
  }

  private boolean hasValue(int i) {
    return losses.get(i) != null && !losses.get(i).isNaN();
  }

  // Every point while there are few; else the best valued fifth and the latest of the others.
  private int[] kept(int[] valued) {
    if (size() <= MAX_POINTS) {
      return IntStream.range(0, size()).toArray();
    }
    boolean[] keep = new boolean[size()];
    Arrays.stream(valued)
        .boxed()
        .sorted(Comparator.comparingDouble(losses::get))
        .limit(MAX_POINTS / 5)
        .forEach(i -> keep[i] = true);
    int left = MAX_POINTS - MAX_POINTS / 5;
    for (int i = size() - 1; i >= 0 && left > 0; i--) {
      if (!keep[i]) {
        keep[i] = true;
        left--;
      }
    }
    return IntStream.range(0, size()).filter(i -> keep[i]).toArray();
  }

  /**
   * What the forest learns from.
   *
   * @param forest the points and their log-scaled costs
   * @param bestLog the log-scaled cost of the best valued trial
   * @param observed the points of the valued trials, where local search may start
   */
  record TrainingData(ForestData forest, double bestLog, List<double[]> observed) {}
}
