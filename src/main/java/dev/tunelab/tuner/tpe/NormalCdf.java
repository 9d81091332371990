package dev.tunelab.tuner.tpe;

/** The standard normal distribution function, to about 1e-7: what the truncation needs. */
final class NormalCdf {

  // Numerical Recipes' erfc (Chebyshev fit), with a fractional error below 1.2e-7 everywhere.
  private static final double[] COEFFICIENTS = {
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
    0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277
  };

  private NormalCdf() {}

  /** P(Z <= z) for a standard normal Z. */
  static double of(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = 0;
    for (int i = COEFFICIENTS.length - 1; i >= 0; i--) {
      poly = COEFFICIENTS[i] + t * poly;
    }
    double value = t * Math.exp(-z * z + poly);
    return x >= 0 ? value : 2 - value;
  }
}
