package dev.tunelab.tuner.smac;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * SMAC's one-exchange neighbourhood (ConfigSpace's {@code get_one_exchange_neighbourhood}): the
 * vectors that differ from a point in one parameter. A choice contributes every other option; a
 * number contributes {@link #PER_NUMBER} values drawn from a normal distribution around it with
 * standard deviation {@link #STDEV} on the unit scale, truncated to [0, 1]; a randint or quniform
 * whose draws all round back to its value contributes its adjacent values instead.
 */
final class Neighbourhood {

  static final int PER_NUMBER = 4;
  static final double STDEV = 0.2;

  // A choice with more options contributes this many of them, drawn at random.
  private static final int MAX_PER_CHOICE = 16;
  private static final int TRUNCATION_TRIES = 10;

  private final Encoding encoding;

  Neighbourhood(Encoding encoding) {
    this.encoding = encoding;
  }

  /** The neighbours of {@code x}, all snapped and all different from {@code x}. */
  List<double[]> of(double[] x, RandomGenerator rng) {
    List<double[]> neighbours = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      int categories = encoding.categories(j);
      if (categories > 0) {
        choiceNeighbours(x, j, categories, rng, neighbours);
      } else {
        numberNeighbours(x, j, rng, neighbours);
      }
    }
    return neighbours;
  }

  private void choiceNeighbours(
      double[] x, int j, int categories, RandomGenerator rng, List<double[]> out) {
    int current = (int) x[j];
    if (categories - 1 <= MAX_PER_CHOICE) {
      for (int c = 0; c < categories; c++) {
        if (c != current) {
          out.add(with(x, j, c));
        }
      }
      return;
    }
    for (int k = 0; k < MAX_PER_CHOICE; k++) {
      int c = rng.nextInt(categories - 1);
      out.add(with(x, j, c >= current ? c + 1 : c));
    }
  }

  private void numberNeighbours(double[] x, int j, RandomGenerator rng, List<double[]> out) {
    List<Double> values = new ArrayList<>();
    for (int k = 0; k < PER_NUMBER; k++) {
      double v = encoding.snap(j, truncatedNormal(x[j], rng));
      if (v != x[j] && !values.contains(v)) {
        values.add(v);
      }
    }
    if (values.isEmpty() && encoding.isDiscrete(j)) {
      for (int step = -1; step <= 1; step += 2) {
        double v = encoding.adjacent(j, x[j], step);
        if (v != x[j] && !values.contains(v)) {
          values.add(v);
        }
      }
    }
    values.forEach(v -> out.add(with(x, j, v)));
  }

  private static double truncatedNormal(double mean, RandomGenerator rng) {
    for (int t = 0; t < TRUNCATION_TRIES; t++) {
      double v = mean + STDEV * rng.nextGaussian();
      if (v >= 0 && v <= 1) {
        return v;
      }
    }
    return Math.min(1, Math.max(0, mean + STDEV * rng.nextGaussian()));
  }

  private static double[] with(double[] x, int j, double value) {
    double[] y = x.clone();
    y[j] = value;
    return y;
  }
}
