package dev.tunelab.tuner.smac;

import java.util.random.RandomGenerator;

/**
 * SMAC's surrogate model: a random forest of regression trees, each grown on a bootstrap sample of
 * the data with random feature subsets at every split (SMAC's default ratio, 5/6 of the features).
 * The prediction at a point is the mean of the trees' predictions and their variance across trees,
 * as SMAC uses them for expected improvement. Immutable once fitted.
 */
final class RandomForest {

  /** Trees per forest: SMAC uses 10; more make the variance estimate steadier for little cost. */
  static final int TREES = 20;

  static final double FEATURE_RATIO = 5.0 / 6.0;

  private final RegressionTree[] trees;

  private RandomForest(RegressionTree[] trees) {
    this.trees = trees;
  }

  /** Fits {@link #TREES} trees, drawing bootstrap samples and splits from {@code rng}. */
  static RandomForest fit(ForestData data, RandomGenerator rng) {
    return fit(data, TREES, rng);
  }

  /** Fits {@code count} trees, drawing bootstrap samples and splits from {@code rng}. */
  static RandomForest fit(ForestData data, int count, RandomGenerator rng) {
    int n = data.y().length;
    int featuresPerSplit =
        Math.max(1, (int) Math.ceil(FEATURE_RATIO * data.categories().length - 1e-9));
    RegressionTree[] trees = new RegressionTree[count];
    for (int t = 0; t < count; t++) {
      int[] weight = new int[n];
      for (int k = 0; k < n; k++) {
        weight[rng.nextInt(n)]++;
      }
      trees[t] = new TreeBuilder(data, weight, featuresPerSplit, rng).build();
    }
    return new RandomForest(trees);
  }

  /** The mean of the trees' predictions at {@code x}. */
  double mean(double[] x) {
    double sum = 0;
    for (RegressionTree tree : trees) {
      sum += tree.predict(x);
    }
    return sum / trees.length;
  }

  /** The mean and the variance across trees of the predictions at {@code x}. */
  Prediction predict(double[] x) {
    // Shifted by the first tree's prediction, so that the variance does not cancel out.
    double first = trees[0].predict(x);
    double sum = 0;
    double squares = 0;
    for (int t = 1; t < trees.length; t++) {
      double d = trees[t].predict(x) - first;
      sum += d;
      squares += d * d;
    }
    double shift = sum / trees.length;
    return new Prediction(first + shift, Math.max(0, squares / trees.length - shift * shift));
  }

  /** A prediction of the forest: the mean and the variance across trees. */
  record Prediction(double mean, double variance) {}
}
