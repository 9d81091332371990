package dev.tunelab.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a series for drawing: the points are cut into buckets and each bucket keeps its lowest
 * and highest point, in order, so peaks and dips survive; the first and last points always stay.
 */
final class Downsample {

  private Downsample() {}

  /**
   * @param points {@code [x, y]} pairs in increasing x; {@code y} may be NaN (a gap)
   * @param max at most this many points come back (at least 4)
   */
  static List<double[]> minMax(List<double[]> points, int max) {
    if (points.size() <= max) {
      return points;
    }
    int buckets = Math.max(1, (max - 2) / 2);
    List<double[]> kept = new ArrayList<>(max);
    kept.add(points.get(0));
    int inner = points.size() - 2;
    for (int b = 0; b < buckets; b++) {
      int from = 1 + (int) ((long) b * inner / buckets);
      int to = 1 + (int) ((long) (b + 1) * inner / buckets);
      double[] low = null;
      double[] high = null;
      for (int i = from; i < to; i++) {
        double[] point = points.get(i);
        if (Double.isNaN(point[1])) {
          continue;
        }
        if (low == null || point[1] < low[1]) {
          low = point;
        }
        if (high == null || point[1] > high[1]) {
          high = point;
        }
      }
      if (low != null) {
        kept.add(low[0] <= high[0] ? low : high);
        if (low != high) {
          kept.add(low[0] <= high[0] ? high : low);
        }
      }
    }
    kept.add(points.get(points.size() - 1));
    return kept;
  }
}
