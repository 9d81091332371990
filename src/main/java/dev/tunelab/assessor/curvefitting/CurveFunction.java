package dev.tunelab.assessor.curvefitting;

/**
 * The twelve learning-curve families of NNI's {@code curvefunctions.py}, in its order, with its
 * parameter order. Each maps epoch {@code x} (from 1) and parameters to the predicted metric; the
 * arithmetic is IEEE as in numpy, so a bad parameter gives NaN or Infinity, never an exception.
 * ({@code ilog2} divides by {@code ln 1 = 0} at epoch 1, so NNI's filter always drops it; it stays
 * for fidelity.)
 */
enum CurveFunction {
  VAP(3, (x, p) -> Math.exp(p[0] + p[1] / x + p[2] * Math.log(x))),
  POW3(3, (x, p) -> p[0] - p[1] * Math.pow(x, -p[2])),
  LINEAR(2, (x, p) -> p[0] * x + p[1]),
  LOGX_LINEAR(2, (x, p) -> p[0] * Math.log(x) + p[1]),
  DR_HILL_ZERO_BACKGROUND(
      3, (x, p) -> p[0] * Math.pow(x, p[1]) / (Math.pow(p[2], p[1]) + Math.pow(x, p[1]))),
  LOG_POWER(3, (x, p) -> p[0] / (1 + Math.pow(x / Math.exp(p[1]), p[2]))),
  POW4(4, (x, p) -> p[3] - Math.pow(p[1] * x + p[2], -p[0])),
  MMF(4, (x, p) -> p[0] - (p[0] - p[1]) / (1 + Math.pow(p[2] * x, p[3]))),
  EXP4(4, (x, p) -> p[0] - Math.exp(-p[1] * Math.pow(x, p[3]) + p[2])),
  ILOG2(2, (x, p) -> p[0] - p[1] / Math.log(x)),
  WEIBULL(4, (x, p) -> p[0] - (p[0] - p[1]) * Math.exp(-Math.pow(p[2] * x, p[3]))),
  JANOSCHEK(4, (x, p) -> p[0] - (p[0] - p[1]) * Math.exp(-p[2] * Math.pow(x, p[3])));

  private final int parameterCount;
  private final Formula formula;

  CurveFunction(int parameterCount, Formula formula) {
    this.parameterCount = parameterCount;
    this.formula = formula;
  }

  int parameterCount() {
    return parameterCount;
  }

  /** The curve at epoch {@code x} with {@code parameters} in NNI's order. */
  double value(double x, double[] parameters) {
    return formula.at(x, parameters);
  }

  /** A curve family's formula, unboxed because fitting evaluates it many thousand times. */
  private interface Formula {
    double at(double x, double[] p);
  }
}
