package dev.tunelab.assessor.curvefitting;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;

/**
 * Least-squares fit of one curve family, as NNI gets it from scipy's {@code curve_fit}: MINPACK's
 * Levenberg-Marquardt (commons-math3 ports it) from all parameters 1, with forward-difference
 * derivatives and scipy's tolerances. Unlike NNI, whose failed fits silently keep the parameters of
 * an earlier fit (of any trial: they are module globals), a failed fit here yields nothing.
 */
final class CurveFit {

  /** scipy's {@code ftol} and {@code xtol}, and MINPACK's difference step: sqrt(machine eps). */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  /** About scipy's {@code maxfev = 200 (p + 1)}: each evaluation here is p + 1 function calls. */
  static final int MAX_EVALUATIONS = 200;

  private static final LevenbergMarquardtOptimizer OPTIMIZER =
      new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(TOLERANCE)
          .withParameterRelativeTolerance(TOLERANCE)
          .withOrthoTolerance(0);

  private CurveFit() {}

  /**
   * The parameters of {@code curve} that best fit the points, or empty when there are fewer points
   * than parameters (scipy refuses), the start is not finite or the optimiser gives up.
   */
  static Optional<double[]> fit(CurveFunction curve, double[] xs, double[] ys) {
    double[] start = new double[curve.parameterCount()];
    Arrays.fill(start, 1);
    if (xs.length < start.length || !allFinite(values(curve, xs, start))) {
      return Optional.empty();
    }
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .start(start)
            .target(ys)
            .model(p -> values(curve, xs, p), p -> jacobian(curve, xs, p))
            .maxEvaluations(MAX_EVALUATIONS)
            .maxIterations(MAX_EVALUATIONS)
            .lazyEvaluation(true)
            .build();
    try {
      double[] fitted = OPTIMIZER.optimize(problem).getPoint().toArray();
      return allFinite(fitted) ? Optional.of(fitted) : Optional.empty();
    } catch (MathIllegalStateException failed) {
      return Optional.empty();
    }
  }

  private static double[] values(CurveFunction curve, double[] xs, double[] parameters) {
    double[] values = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      values[i] = curve.value(xs[i], parameters);
    }
    return values;
  }

  // MINPACK's fdjac2: step sqrt(eps) * |p_j|, or sqrt(eps) where p_j is 0.
  private static double[][] jacobian(CurveFunction curve, double[] xs, double[] parameters) {
    double[] base = values(curve, xs, parameters);
    double[][] jacobian = new double[xs.length][parameters.length];
    double[] shifted = parameters.clone();
    for (int j = 0; j < parameters.length; j++) {
      double step = parameters[j] == 0 ? TOLERANCE : TOLERANCE * Math.abs(parameters[j]);
      shifted[j] = parameters[j] + step;
      for (int i = 0; i < xs.length; i++) {
        jacobian[i][j] = (curve.value(xs[i], shifted) - base[i]) / step;
      }
      shifted[j] = parameters[j];
    }
    return jacobian;
  }

  private static boolean allFinite(double[] values) {
    return Arrays.stream(values).allMatch(Double::isFinite);
  }
}
