package dev.tunelab.tuner.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The negative log posterior of the hyper-parameters, {@code -log p(y | theta) - log p(theta)}, and
 * its gradient, as a function of {@code theta = [log signal, log noise, log l_1, ..., log l_d]}
 * (see {@link Hyperparameters#fromLog}). The prior is a Gamma(3, 6) on each length scale,
 * BoTorch's: it keeps length scales in the unit cube near 0.1 to 1.5 unless the data insist, which
 * stops the first fits on ten points from picking absurd ones; signal and noise have none beyond
 * their bounds. Not thread-safe (it reuses buffers).
 */
final class MarginalLikelihood implements BoxLbfgs.Objective {

  static final double PRIOR_SHAPE = 3;
  static final double PRIOR_RATE = 6;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final Smoothness smoothness;
  private final double[] y;
  private final int n;
  private final int d;
  // (x_i - x_l)^2 per dimension for each pair i > l, pair by pair.
  private final double[] squares;

  MarginalLikelihood(Smoothness smoothness, double[][] x, double[] y) {
    this.smoothness = smoothness;
    this.y = y;
    this.n = y.length;
    this.d = x.length == 0 ? 0 : x[0].length;
    this.squares = new double[n * (n - 1) / 2 * d];
    int at = 0;
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < i; l++) {
        for (int j = 0; j < d; j++) {
          double diff = x[i][j] - x[l][j];
          squares[at++] = diff * diff;
        }
      }
    }
  }

  /** The objective without its gradient; infinite when the covariance is not positive definite. */
  double value(double[] theta) {
    return evaluate(theta, null);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    return evaluate(theta, gradient);
  }

  private double evaluate(double[] theta, double[] gradient) {
    double signal = Math.exp(theta[0]);
    double noise = Math.exp(theta[1]);
    double[] inverseSquares = new double[d];
    for (int j = 0; j < d; j++) {
      inverseSquares[j] = Math.exp(-2 * theta[j + 2]);
    }
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    double[] distances = new double[squares.length / Math.max(d, 1)];
    for (int i = 0, p = 0; i < n; i++) {
      k.set(i, i, signal + noise);
      for (int l = 0; l < i; l++, p++) {
        double r2 = 0;
        for (int j = 0; j < d; j++) {
          r2 += squares[p * d + j] * inverseSquares[j];
        }
        distances[p] = Math.sqrt(r2);
        double c = signal * smoothness.correlation(distances[p]);
        k.set(i, l, c);
        k.set(l, i, c);
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
    if (!cholesky.decompose(k)) {
      return Double.POSITIVE_INFINITY;
    }
    double[] lower = cholesky.getT(null).data;
    double[] alpha = y.clone();
    TriangularSolver_DDRM.solveL(lower, alpha, n);
    double value = 0.5 * GaussianProcess.dot(alpha, alpha) + n * HALF_LOG_TWO_PI;
    for (int i = 0; i < n; i++) {
      value += Math.log(lower[i * n + i]);
    }
    for (int j = 0; j < d; j++) {
      value -= PRIOR_SHAPE * theta[j + 2] - PRIOR_RATE * Math.exp(theta[j + 2]);
    }
    if (gradient != null) {
      TriangularSolver_DDRM.solveTranL(lower, alpha, n);
      gradient(lower, alpha, distances, signal, noise, inverseSquares, theta, gradient);
    }
    return value;
  }

  // d/dtheta of -log p(y | theta) is -1/2 tr(W dK/dtheta) with W = alpha alpha^T - K^-1.
  private void gradient(
      double[] lower,
      double[] alpha,
      double[] distances,
      double signal,
      double noise,
      double[] inverseSquares,
      double[] theta,
      double[] gradient) {
    double[] inverse = inverse(lower);
    double diagonal = 0;
    for (int i = 0; i < n; i++) {
      diagonal += alpha[i] * alpha[i] - inverse[i * n + i];
    }
    double signalTerm = 0.5 * diagonal * signal;
    double[] lengthTerms = new double[d];
    for (int i = 0, p = 0; i < n; i++) {
      for (int l = 0; l < i; l++, p++) {
        double w = alpha[i] * alpha[l] - inverse[i * n + l];
        signalTerm += w * signal * smoothness.correlation(distances[p]);
        double c = w * signal * smoothness.slope(distances[p]);
        for (int j = 0; j < d; j++) {
          lengthTerms[j] += c * squares[p * d + j];
        }
      }
    }
    gradient[0] = -signalTerm;
    gradient[1] = -0.5 * diagonal * noise;
    for (int j = 0; j < d; j++) {
      gradient[j + 2] =
          -lengthTerms[j] * inverseSquares[j] - (PRIOR_SHAPE - PRIOR_RATE * Math.exp(theta[j + 2]));
    }
  }

  // K^-1 = L^-T L^-1, from the Cholesky factor; only the lower triangle and diagonal are filled.
  private double[] inverse(double[] lower) {
    double[] lowerInverse = new double[n * n];
    TriangularSolver_DDRM.invertLower(lower, lowerInverse, n);
    double[] inverse = new double[n * n];
    for (int m = 0; m < n; m++) {
      int row = m * n;
      for (int i = 0; i <= m; i++) {
        double a = lowerInverse[row + i];
        int base = i * n;
        for (int l = 0; l <= i; l++) {
          inverse[base + l] += a * lowerInverse[row + l];
        }
      }
    }
    return inverse;
  }
}
