package dev.tunelab.tuner.smac;

import java.util.BitSet;

/**
 * One fitted regression tree of the {@link RandomForest}: binary splits on a number ({@code x <=
 * threshold} goes left) or on a category (the categories in the left set go left), and the mean
 * target of the training points in each leaf. Built by {@link TreeBuilder}; immutable.
 *
 * <p>Nodes are packed for a fast descent: three ints per node (the feature, or -1 for a leaf, then
 * the left and the right child) and one double (the threshold, or the leaf's mean).
 */
final class RegressionTree {

  private final int[] links;
  private final double[] numbers;
  private final BitSet[] leftCategories;

  /**
   * @param links per node: feature (-1 for a leaf), left child, right child
   * @param numbers per node: threshold, or the mean of a leaf
   * @param leftCategories per node: the categories going left for a split on a category, else null;
   *     the array itself is null when the tree has no such split
   */
  RegressionTree(int[] links, double[] numbers, BitSet[] leftCategories) {
    this.links = links;
    this.numbers = numbers;
    this.leftCategories = leftCategories;
  }

  /** The mean target of the leaf that {@code x} falls into. */
  double predict(double[] x) {
    int node = 0;
    while (true) {
      int feature = links[3 * node];
      if (feature < 0) {
        return numbers[node];
      }
      double v = x[feature];
      BitSet categories = leftCategories == null ? null : leftCategories[node];
      boolean goesLeft = categories != null ? categories.get((int) v) : v <= numbers[node];
      node = links[3 * node + (goesLeft ? 1 : 2)];
    }
  }
}
