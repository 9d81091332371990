package dev.tunelab.tuner.gp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A GP posterior: a zero-mean prior with fixed {@link Hyperparameters}, conditioned on
 * observations. It predicts the latent function (without the observation noise). Immutable.
 */
final class GaussianProcess {

  /** The extra diagonal tried, relative to the signal variance, when a Cholesky fails. */
  private static final double[] JITTER = {0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2};

  private final Smoothness smoothness;
  private final Hyperparameters h;
  private final double[][] x;
  private final double[] y;
  private final double[] lower;
  private final double[] alpha;
  private final double[] inverseSquares;

  private GaussianProcess(
      Smoothness smoothness, Hyperparameters h, double[][] x, double[] y, double[] lower) {
    this.smoothness = smoothness;
    this.h = h;
    this.x = x;
    this.y = y;
    this.lower = lower;
    this.alpha = y.clone();
    TriangularSolver_DDRM.solveL(lower, alpha, y.length);
    TriangularSolver_DDRM.solveTranL(lower, alpha, y.length);
    double[] lengths = h.lengthScales();
    this.inverseSquares = new double[lengths.length];
    for (int j = 0; j < lengths.length; j++) {
      inverseSquares[j] = 1 / (lengths[j] * lengths[j]);
    }
  }

  /**
   * Conditions the prior on observations {@code y} at {@code x}, adding jitter to the diagonal when
   * rounding makes the covariance numerically singular.
   *
   * @param x the inputs, not copied: callers must not change them
   * @throws ArithmeticException when even the largest jitter does not help (inputs not finite)
   */
  static GaussianProcess condition(
      Smoothness smoothness, Hyperparameters h, double[][] x, double[] y) {
    int n = y.length;
    for (double jitter : JITTER) {
      DMatrixRMaj k = covariance(smoothness, h, x);
      for (int i = 0; i < n; i++) {
        k.add(i, i, jitter * h.signalVariance());
      }
      CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
      if (cholesky.decompose(k)) {
        return new GaussianProcess(smoothness, h, x, y, cholesky.getT(null).data);
      }
    }
    throw new ArithmeticException("the GP covariance is not positive definite");
  }

  /** The covariance of noisy observations at {@code x}: kernel plus noise on the diagonal. */
  static DMatrixRMaj covariance(Smoothness smoothness, Hyperparameters h, double[][] x) {
    int n = x.length;
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      k.set(i, i, h.signalVariance() + h.noiseVariance());
      for (int l = 0; l < i; l++) {
        double c = h.signalVariance() * smoothness.correlation(h.distance(x[i], x[l]));
        k.set(i, l, c);
        k.set(l, i, c);
      }
    }
    return k;
  }

  /**
   * The same posterior with one more observation, by extending the Cholesky factor in O(n^2)
   * (kriging believer: the caller passes the predicted mean to make a running trial count as
   * observed without moving the mean).
   */
  GaussianProcess withObservation(double[] point, double value) {
    int n = y.length;
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      row[i] = h.signalVariance() * smoothness.correlation(h.distance(point, x[i]));
    }
    TriangularSolver_DDRM.solveL(lower, row, n);
    double diagonal = h.signalVariance() + h.noiseVariance() - dot(row, row);
    double[] extended = new double[(n + 1) * (n + 1)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(lower, i * n, extended, i * (n + 1), i + 1);
    }
    System.arraycopy(row, 0, extended, n * (n + 1), n);
    extended[n * (n + 1) + n] = Math.sqrt(Math.max(diagonal, 1e-10 * h.signalVariance()));
    double[][] xs = Arrays.copyOf(x, n + 1);
    xs[n] = point.clone();
    double[] ys = Arrays.copyOf(y, n + 1);
    ys[n] = value;
    return new GaussianProcess(smoothness, h, xs, ys, extended);
  }

  /** The number of observations. */
  int size() {
    return y.length;
  }

  /**
   * The posterior mean and variance of the latent function at {@code point}.
   *
   * @param meanGradient receives d mean / d point when not null
   * @param varianceGradient receives d variance / d point when not null (with meanGradient)
   */
  Prediction predict(double[] point, double[] meanGradient, double[] varianceGradient) {
    int n = y.length;
    double[] k = new double[n];
    double[] slopes = meanGradient == null ? null : new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double r = h.distance(point, x[i]);
      k[i] = h.signalVariance() * smoothness.correlation(r);
      mean += k[i] * alpha[i];
      if (slopes != null) {
        slopes[i] = h.signalVariance() * smoothness.slope(r);
      }
    }
    double[] v = k.clone();
    TriangularSolver_DDRM.solveL(lower, v, n);
    double variance = Math.max(h.signalVariance() - dot(v, v), 1e-12 * h.signalVariance());
    if (slopes != null) {
      TriangularSolver_DDRM.solveTranL(lower, v, n);
      for (int j = 0; j < point.length; j++) {
        double dm = 0;
        double dv = 0;
        for (int i = 0; i < n; i++) {
          double dk = -slopes[i] * (point[j] - x[i][j]) * inverseSquares[j];
          dm += dk * alpha[i];
          dv += v[i] * dk;
        }
        meanGradient[j] = dm;
        varianceGradient[j] = -2 * dv;
      }
    }
    return new Prediction(mean, variance);
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** A posterior mean and variance of the latent function. */
  record Prediction(double mean, double variance) {}
}
