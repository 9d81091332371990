package dev.tunelab.tuner.smac;

import java.util.BitSet;

/**
 * One fitted regression tree of the {@link RandomForest}: binary splits on a number ({@code x <=
 * threshold} goes left) or on a category (the categories in the left set go left), and the mean
 * target of the training points in each leaf. Built by {@link TreeBuilder}; immutable.
 */
final class RegressionTree {

  private final int[] feature;
  private final double[] threshold;
  private final BitSet[] leftCategories;
  private final int[] left;
  private final int[] right;
  private final double[] value;

  RegressionTree(
      int[] feature,
      double[] threshold,
      BitSet[] leftCategories,
      int[] left,
      int[] right,
      double[] value) {
    this.feature = feature;
    this.threshold = threshold;
    this.leftCategories = leftCategories;
    this.left = left;
    this.right = right;
    this.value = value;
  }

  /** The mean target of the leaf that {@code x} falls into. */
  double predict(double[] x) {
    int node = 0;
    while (feature[node] >= 0) {
      double v = x[feature[node]];
      BitSet categories = leftCategories[node];
      boolean goesLeft = categories != null ? categories.get((int) v) : v <= threshold[node];
      node = goesLeft ? left[node] : right[node];
    }
    return value[node];
  }

  /** How many leaves the tree has: a measure of its size, for tests. */
  int leaves() {
    int leaves = 0;
    for (int f : feature) {
      leaves += f < 0 ? 1 : 0;
    }
    return leaves;
  }
}
