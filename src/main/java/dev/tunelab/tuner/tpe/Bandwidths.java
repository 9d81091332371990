package dev.tunelab.tuner.tpe;

import dev.tunelab.tuner.formatting.FormattedParameter;

/**
 * The widths of the kernels of one numeric parameter: for each observation the larger gap to its
 * neighbours in value order, the parameter's bounds counting as neighbours, except that the
 * smallest and largest observations take the gap to their inner neighbour (Optuna's rule without
 * {@code consider_endpoints}); then NNI's and hyperopt's "magic clip" into {@code [sigma / min(100,
 * n + 2), sigma]}, sigma the width of the prior.
 */
final class Bandwidths {

  private Bandwidths() {}

  static double[] of(double[] observed, FormattedParameter parameter) {
    int n = observed.length;
    double prior = parameter.priorSigma();
    double minimum = prior / Math.min(100, n + 2);
    double[] widths = new double[n];
    int[] order = Argsort.of(observed);
    for (int r = 0; r < n; r++) {
      double value = observed[order[r]];
      double left = r > 0 ? value - observed[order[r - 1]] : value - parameter.low();
      double right = r < n - 1 ? observed[order[r + 1]] - value : parameter.high() - value;
      double width;
      if (n >= 2 && r == 0) {
        width = right;
      } else if (n >= 2 && r == n - 1) {
        width = left;
      } else {
        width = Math.max(left, right);
      }
      widths[order[r]] = Double.isNaN(width) ? prior : Math.min(prior, Math.max(minimum, width));
    }
    return widths;
  }
}
