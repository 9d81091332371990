package dev.tunelab.tuner.smac;

/**
 * SMAC's log-scaled cost transform ({@code RunHistoryLogScaledEncoder}): a cost {@code c} becomes
 * {@code log((c − floor) / (max − floor))}, where the floor lies below the best cost by the gap
 * between the best and the 5th percentile. The log spreads out the good end of the cost range,
 * where the search needs the model to be accurate.
 */
final class CostScale {

  private final double floor;
  private final double max;

  private CostScale(double floor, double max) {
    this.floor = floor;
    this.max = max;
  }

  /** The scale for costs {@code sorted} in ascending order, at least one. */
  static CostScale of(double[] sorted) {
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    double gap = percentile(sorted, 5) - min;
    double tiny = 1e-10 * Math.max(1, Math.max(max - min, Math.abs(min)));
    return new CostScale(min - Math.max(gap, tiny), max);
  }

  /** The {@code p}-th percentile of ascending {@code sorted}, interpolated as numpy does. */
  static double percentile(double[] sorted, double p) {
    double position = p / 100 * (sorted.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }

  /** The log-scaled cost; 0 for the worst cost. */
  double apply(double cost) {
    return Math.log((cost - floor) / (max - floor));
  }

  /** The worst cost of the data, imputed for failed trials. */
  double worst() {
    return max;
  }
}
