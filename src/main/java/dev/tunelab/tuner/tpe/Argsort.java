package dev.tunelab.tuner.tpe;

/** Stable sorting of indices by a key, on primitive arrays: the estimators sort thousands often. */
final class Argsort {

  private Argsort() {}

  /** The indices {@code 0..keys.length-1} ordered by key; equal keys keep their index order. */
  static int[] of(double[] keys) {
    int n = keys.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] buffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int start = 0; start < n; start += 2 * width) {
        int middle = Math.min(start + width, n);
        int end = Math.min(start + 2 * width, n);
        merge(keys, order, buffer, start, middle, end);
      }
      int[] swap = order;
      order = buffer;
      buffer = swap;
    }
    return order;
  }

  private static void merge(double[] keys, int[] from, int[] to, int start, int middle, int end) {
    int left = start;
    int right = middle;
    for (int k = start; k < end; k++) {
      if (left < middle && (right >= end || keys[from[left]] <= keys[from[right]])) {
        to[k] = from[left++];
      } else {
        to[k] = from[right++];
      }
    }
  }

  /**
   * The indices of the {@code k} smallest keys, smallest first; of equal keys the lower index wins.
   * Faster than a full sort when k is small, as TPE's good group is.
   */
  static int[] smallest(double[] keys, int k) {
    int[] chosen = new int[Math.min(k, keys.length)];
    int size = 0;
    for (int i = 0; i < keys.length; i++) {
      if (size == chosen.length && !(keys[i] < keys[chosen[size - 1]])) {
        continue;
      }
      int at = size == chosen.length ? size - 1 : size++;
      while (at > 0 && keys[i] < keys[chosen[at - 1]]) {
        chosen[at] = chosen[at - 1];
        at--;
      }
      chosen[at] = i;
    }
    return chosen;
  }
}
