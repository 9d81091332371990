package dev.tunelab.tuner.smac;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Training data of a {@link RandomForest}, with every feature's point order computed once for all
 * trees.
 *
 * @param columns per feature, its value at every point (column-major, for fast split search)
 * @param y one target per point
 * @param categories per feature, its number of categories; 0 for a number
 * @param order per feature, the point indices sorted by that feature
 */
record ForestData(double[][] columns, double[] y, int[] categories, int[][] order) {

  /** The data of one feature vector {@code x[i]} and target {@code y[i]} per point. */
  static ForestData of(double[][] x, double[] y, int[] categories) {
    if (x.length == 0 || x.length != y.length || categories.length == 0) {
      throw new IllegalArgumentException("a forest needs points with at least one feature");
    }
    double[][] columns = new double[categories.length][x.length];
    int[][] order = new int[categories.length][];
    for (int j = 0; j < categories.length; j++) {
      double[] column = columns[j];
      for (int i = 0; i < x.length; i++) {
        column[i] = x[i][j];
      }
      order[j] =
          IntStream.range(0, x.length)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> column[i]))
              .mapToInt(Integer::intValue)
              .toArray();
    }
    return new ForestData(columns, y, categories, order);
  }
}
