package dev.tunelab.assessor.curvefitting;

/** A curve family with fitted parameters. */
record FittedCurve(CurveFunction function, double[] parameters) {

  /** The curve's value at epoch {@code x}; NaN or Infinity where the formula breaks down. */
  double at(double x) {
    return function.value(x, parameters);
  }
}
