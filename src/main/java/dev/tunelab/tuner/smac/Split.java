package dev.tunelab.tuner.smac;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * A way to split a tree node, found by {@link SplitSearch}.
 *
 * @param feature the feature it tests
 * @param score the sum over both sides of (weighted target sum)² / weight: higher is a lower error
 * @param low for a number, the largest value going left
 * @param high for a number, the smallest value going right
 * @param threshold for a number once resolved, the threshold: values up to it go left
 * @param leftCategories for a category, those going left; null for a number
 * @param present for a category, those the node's points have; null for a number
 * @param categoryCount for a category, how many the feature has
 */
record Split(
    int feature,
    double score,
    double low,
    double high,
    double threshold,
    BitSet leftCategories,
    BitSet present,
    int categoryCount) {

  static Split numeric(int feature, double score, double low, double high) {
    return new Split(feature, score, low, high, low, null, null, 0);
  }

  static Split categorical(int feature, double score, BitSet left, BitSet present, int count) {
    return new Split(feature, score, 0, 0, 0, left, present, count);
  }

  /**
   * The split with its random parts drawn: a threshold uniform between the neighbouring values, and
   * a side for each category that the node's points lack.
   */
  Split resolve(RandomGenerator rng) {
    if (leftCategories == null) {
      double t = low + rng.nextDouble() * (high - low);
      return new Split(feature, score, low, high, t < high ? t : low, null, null, 0);
    }
    BitSet left = (BitSet) leftCategories.clone();
    for (int c = 0; c < categoryCount; c++) {
      if (!present.get(c) && rng.nextBoolean()) {
        left.set(c);
      }
    }
    return new Split(feature, score, 0, 0, 0, left, present, categoryCount);
  }

  /** Whether a point whose feature has value {@code v} goes to the left child. */
  boolean goesLeft(double v) {
    return leftCategories != null ? leftCategories.get((int) v) : v <= threshold;
  }
}
