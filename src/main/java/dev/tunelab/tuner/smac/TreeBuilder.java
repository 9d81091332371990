package dev.tunelab.tuner.smac;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Grows one fully grown {@link RegressionTree} on a bootstrap sample, as SMAC's random forest (one
 * point per leaf at least, two to split). At each node it draws a random subset of the features
 * (trying the others only when none of the subset can split), takes the split that most reduces the
 * squared error, and draws the threshold uniformly between the two neighbouring values, so that
 * trees disagree in the gaps between the data. Categories split by the classic ordering of the
 * categories by mean target; categories absent from the node go to a random side.
 *
 * <p>Each feature keeps its points presorted for the whole tree; a split partitions every feature's
 * segment stably, so growing a tree costs O(features × points × depth).
 */
final class TreeBuilder {

  private final double[][] columns;
  private final double[] y;
  private final int[] categories;
  private final int[] weight;
  private final int featuresPerSplit;
  private final RandomGenerator rng;
  private final int[][] sorted;
  private final boolean[] goesLeft;
  private final int[] buffer;
  private final int[] features;
  private final TreeNodes nodes;

  TreeBuilder(ForestData data, int[] weight, int featuresPerSplit, RandomGenerator rng) {
    this.columns = data.columns();
    this.y = data.y();
    this.categories = data.categories();
    this.weight = weight;
    this.featuresPerSplit = featuresPerSplit;
    this.rng = rng;
    int d = categories.length;
    this.sorted = new int[d][];
    for (int j = 0; j < d; j++) {
      sorted[j] = Arrays.stream(data.order()[j]).filter(i -> weight[i] > 0).toArray();
    }
    int m = (int) Arrays.stream(weight).filter(w -> w > 0).count();
    this.goesLeft = new boolean[y.length];
    this.buffer = new int[m];
    this.features = new int[d];
    this.nodes = new TreeNodes(2 * m);
  }

  /** Grows the tree over the sample. */
  RegressionTree build() {
    int m = buffer.length;
    int[][] stack = new int[2 * m][];
    int top = 0;
    stack[top++] = new int[] {nodes.add(), 0, m};
    while (top > 0) {
      int[] task = stack[--top];
      Split split = grow(task[0], task[1], task[2]);
      if (split != null) {
        int middle = partition(split, task[1], task[2]);
        int left = nodes.add();
        int right = nodes.add();
        nodes.split(task[0], split, left, right);
        stack[top++] = new int[] {right, middle, task[2]};
        stack[top++] = new int[] {left, task[1], middle};
      }
    }
    return nodes.tree();
  }

  // Makes the node a leaf holding its mean, and says how to split it (null: stays a leaf).
  private Split grow(int node, int start, int end) {
    double w = 0;
    double s = 0;
    double ss = 0;
    for (int p = start; p < end; p++) {
      int i = sorted[0][p];
      w += weight[i];
      s += weight[i] * y[i];
      ss += weight[i] * y[i] * y[i];
    }
    nodes.leaf(node, s / w);
    if (end - start < 2 || ss - s * s / w <= 1e-12 * Math.max(1, ss)) {
      return null;
    }
    for (int j = 0; j < features.length; j++) {
      features[j] = j;
    }
    Split best = null;
    for (int k = 0; k < features.length; k++) {
      int pick = k + rng.nextInt(features.length - k);
      int j = features[pick];
      features[pick] = features[k];
      features[k] = j;
      Split candidate =
          categories[j] > 0
              ? SplitSearch.categorical(
                  columns[j], y, weight, sorted[j], start, end, j, categories[j], w, s)
              : SplitSearch.numeric(columns[j], y, weight, sorted[j], start, end, j, w, s);
      if (candidate != null && (best == null || candidate.score() > best.score())) {
        best = candidate;
      }
      if (best != null && k + 1 >= featuresPerSplit) {
        break;
      }
    }
    return best == null ? null : best.resolve(rng);
  }

  // Reorders every feature's segment so that the points going left come first; returns where the
  // right part starts.
  private int partition(Split split, int start, int end) {
    int[] any = sorted[0];
    double[] column = columns[split.feature()];
    for (int p = start; p < end; p++) {
      goesLeft[any[p]] = split.goesLeft(column[any[p]]);
    }
    int middle = start;
    for (int[] segment : sorted) {
      int l = start;
      int r = 0;
      for (int p = start; p < end; p++) {
        int i = segment[p];
        if (goesLeft[i]) {
          segment[l++] = i;
        } else {
          buffer[r++] = i;
        }
      }
      System.arraycopy(buffer, 0, segment, l, r);
      middle = l;
    }
    return middle;
  }
}
