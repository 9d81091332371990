package dev.tunelab.tuner.smac;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Training data of a {@link RandomForest}, with every feature's point order computed once for all
 * trees.
 *
 * @param x one feature vector per point
 * @param y one target per point
 * @param categories per feature, its number of categories; 0 for a number
 * @param order per feature, the point indices sorted by that feature
 */
record ForestData(double[][] x, double[] y, int[] categories, int[][] order) {

  /** The data, with the orders computed. */
  static ForestData of(double[][] x, double[] y, int[] categories) {
    if (x.length == 0 || x.length != y.length || categories.length == 0) {
      throw new IllegalArgumentException("a forest needs points with at least one feature");
    }
    int[][] order = new int[categories.length][];
    for (int j = 0; j < categories.length; j++) {
      int feature = j;
      order[j] =
          IntStream.range(0, x.length)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> x[i][feature]))
              .mapToInt(Integer::intValue)
              .toArray();
    }
    return new ForestData(x, y, categories, order);
  }
}
