package dev.tunelab.tuner.smac;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/** The best squared-error split of a node on one feature (CART for regression). */
final class SplitSearch {

  private SplitSearch() {}

  /**
   * The best threshold split of the points {@code order[start, end)}, sorted by feature {@code j}
   * (whose values are {@code column}).
   *
   * @param w the total weight of the points
   * @param s the total weighted target of the points
   * @return null when every point has the same value
   */
  static Split numeric(
      double[] column,
      double[] y,
      int[] weight,
      int[] order,
      int start,
      int end,
      int j,
      double w,
      double s) {
    double wl = 0;
    double sl = 0;
    double best = Double.NEGATIVE_INFINITY;
    int at = -1;
    for (int p = start; p < end - 1; p++) {
      int i = order[p];
      wl += weight[i];
      sl += weight[i] * y[i];
      if (column[i] < column[order[p + 1]]) {
        double wr = w - wl;
        double sr = s - sl;
        double score = (sl * sl * wr + sr * sr * wl) / (wl * wr);
        if (score > best) {
          best = score;
          at = p;
        }
      }
    }
    return at < 0 ? null : Split.numeric(j, best, column[order[at]], column[order[at + 1]]);
  }

  /**
   * The best split of the points {@code order[start, end)} into two sets of categories of feature
   * {@code j}: the categories ordered by their mean target, cut once (optimal for squared error).
   *
   * @return null when the points all have one category
   */
  static Split categorical(
      double[] column,
      double[] y,
      int[] weight,
      int[] order,
      int start,
      int end,
      int j,
      int count,
      double w,
      double s) {
    double[] cw = new double[count];
    double[] cs = new double[count];
    for (int p = start; p < end; p++) {
      int i = order[p];
      int c = (int) column[i];
      cw[c] += weight[i];
      cs[c] += weight[i] * y[i];
    }
    List<Integer> present = new ArrayList<>();
    BitSet presentSet = new BitSet(count);
    for (int c = 0; c < count; c++) {
      if (cw[c] > 0) {
        present.add(c);
        presentSet.set(c);
      }
    }
    if (present.size() < 2) {
      return null;
    }
    present.sort(Comparator.comparingDouble(c -> cs[c] / cw[c]));
    double wl = 0;
    double sl = 0;
    double best = Double.NEGATIVE_INFINITY;
    int cut = 0;
    for (int k = 0; k < present.size() - 1; k++) {
      wl += cw[present.get(k)];
      sl += cs[present.get(k)];
      double sr = s - sl;
      double score = sl * sl / wl + sr * sr / (w - wl);
      if (score > best) {
        best = score;
        cut = k + 1;
      }
    }
    BitSet left = new BitSet(count);
    present.subList(0, cut).forEach(left::set);
    return Split.categorical(j, best, left, presentSet, count);
  }
}
