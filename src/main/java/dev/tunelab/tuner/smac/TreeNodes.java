package dev.tunelab.tuner.smac;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The node arrays of a tree while {@link TreeBuilder} grows it, packed as in {@link
 * RegressionTree}.
 */
final class TreeNodes {

  private final int[] links;
  private final double[] numbers;
  private final BitSet[] leftCategories;
  private boolean categorical;
  private int count;

  TreeNodes(int capacity) {
    links = new int[3 * Math.max(1, capacity)];
    numbers = new double[Math.max(1, capacity)];
    leftCategories = new BitSet[numbers.length];
  }

  /** Reserves the next node; returns its index. */
  int add() {
    return count++;
  }

  /** Makes {@code node} a leaf predicting {@code mean}. */
  void leaf(int node, double mean) {
    links[3 * node] = -1;
    numbers[node] = mean;
  }

  /** Makes {@code node} a split between two reserved children. */
  void split(int node, Split split, int leftChild, int rightChild) {
    links[3 * node] = split.feature();
    links[3 * node + 1] = leftChild;
    links[3 * node + 2] = rightChild;
    numbers[node] = split.threshold();
    leftCategories[node] = split.leftCategories();
    categorical |= split.leftCategories() != null;
  }

  /** The finished tree. */
  RegressionTree tree() {
    return new RegressionTree(
        Arrays.copyOf(links, 3 * count),
        Arrays.copyOf(numbers, count),
        categorical ? Arrays.copyOf(leftCategories, count) : null);
  }
}
