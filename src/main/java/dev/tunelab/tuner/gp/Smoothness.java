package dev.tunelab.tuner.gp;

/**
 * The Matern kernels with closed forms ({@code nu} = 1/2, 3/2, 5/2) and their limit, the squared
 * exponential (RBF, {@code nu} = infinity), as functions of the scaled distance {@code r = |(a - b)
 * / lengthScales|}.
 */
enum Smoothness {
  MATERN_12 {
    @Override
    double correlation(double r) {
      return Math.exp(-r);
    }

    @Override
    double slope(double r) {
      return r == 0 ? 0 : Math.exp(-r) / r;
    }
  },
  MATERN_32 {
    @Override
    double correlation(double r) {
      double s = SQRT3 * r;
      return (1 + s) * Math.exp(-s);
    }

    @Override
    double slope(double r) {
      return 3 * Math.exp(-SQRT3 * r);
    }
  },
  MATERN_52 {
    @Override
    double correlation(double r) {
      double s = SQRT5 * r;
      return (1 + s + s * s / 3) * Math.exp(-s);
    }

    @Override
    double slope(double r) {
      double s = SQRT5 * r;
      return 5.0 / 3 * (1 + s) * Math.exp(-s);
    }
  },
  RBF {
    @Override
    double correlation(double r) {
      return Math.exp(-r * r / 2);
    }

    @Override
    double slope(double r) {
      return Math.exp(-r * r / 2);
    }
  };

  private static final double SQRT3 = Math.sqrt(3);
  private static final double SQRT5 = Math.sqrt(5);

  /**
   * The kernel for NNI's {@code nu}: the closed form nearest to it (nu up to 1 gives 1/2, up to 2
   * gives 3/2, up to 10 gives 5/2, above that or infinite gives RBF).
   */
  static Smoothness forNu(double nu) {
    if (nu <= 1) {
      return MATERN_12;
    }
    if (nu <= 2) {
      return MATERN_32;
    }
    return nu <= 10 ? MATERN_52 : RBF;
  }

  /** The correlation {@code k(r)} at scaled distance {@code r}, 1 at {@code r = 0}. */
  abstract double correlation(double r);

  /**
   * {@code -k'(r) / r}, which turns distances into gradients: {@code d k / d log l_j = slope(r) *
   * (d_j / l_j)^2} and {@code d k / d a_j = -slope(r) * d_j / l_j^2} for {@code d = a - b}; 0 at
   * {@code r = 0} where the Matern 1/2 kernel has no derivative.
   */
  abstract double slope(double r);
}
