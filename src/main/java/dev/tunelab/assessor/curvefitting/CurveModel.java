package dev.tunelab.assessor.curvefitting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * NNI's {@code CurveModel} ({@code model_factory.py}): fits every {@link CurveFunction} to a
 * trial's learning curve, keeps the curves that agree, and predicts the metric at the target epoch
 * as their weighted combination with weights sampled by {@link WeightSampler}.
 */
final class CurveModel {

  /** NNI's {@code LEAST_FITTED_FUNCTION}: fewer agreeing curves than this predict nothing. */
  static final int LEAST_FITTED_FUNCTIONS = 4;

  private CurveModel() {}

  /**
   * The predicted metric at epoch {@code target}, or empty when the curves disagree too much, as
   * NNI's {@code predict} returning None.
   *
   * @param xs the epochs of the points, ascending, from 1
   * @param ys the finite metric at each epoch
   * @param random draws the weight samples; the same generator state gives the same prediction
   */
  static OptionalDouble predict(double[] xs, double[] ys, int target, RandomGenerator random) {
    List<FittedCurve> curves = effectiveCurves(xs, ys, target);
    if (curves.size() < LEAST_FITTED_FUNCTIONS) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(new WeightSampler(curves, xs, ys, target).meanPrediction(random));
  }

  /**
   * NNI's {@code filter_curve}. A curve is kept when its squared error over the points is below
   * n·mean², and then only when its prediction at {@code target} lies strictly within (n / 10)·σ of
   * the median of the kept curves' values at the last point, σ their standard deviation. So NNI
   * compares the target prediction with the current value: in effect it predicts only for curves
   * that have levelled off, and waits while they still rise.
   */
  static List<FittedCurve> effectiveCurves(double[] xs, double[] ys, int target) {
    int n = xs.length;
    double average = Arrays.stream(ys).sum() / n;
    double standard = average * average * n;
    List<FittedCurve> fitting = new ArrayList<>();
    for (CurveFunction function : CurveFunction.values()) {
      CurveFit.fit(function, xs, ys)
          .map(parameters -> new FittedCurve(function, parameters))
          .filter(curve -> squaredError(curve, xs, ys) < standard)
          .ifPresent(fitting::add);
    }
    double[] last = fitting.stream().mapToDouble(curve -> curve.at(xs[n - 1])).toArray();
    double median = median(last);
    double epsilon = n / 10.0 * standardDeviation(last);
    return fitting.stream()
        .filter(
            curve -> {
              double predicted = curve.at(target);
              return predicted < median + epsilon && predicted > median - epsilon;
            })
        .toList();
  }

  private static double squaredError(FittedCurve curve, double[] xs, double[] ys) {
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      double residual = curve.at(xs[i]) - ys[i];
      sum += residual * residual;
    }
    return sum;
  }

  // numpy's median: the mean of the two middle values for an even count; NaN when empty.
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  // numpy's std: the population standard deviation.
  static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(Double.NaN);
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / values.length);
  }
}
