package dev.tunelab.tuner.cmaes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The state of a (mu/mu_w, lambda) CMA-ES with the default parameters of Hansen's tutorial (as
 * Optuna's {@code cmaes} package): mean, step size, covariance with its eigendecomposition, and the
 * two evolution paths. Immutable: {@link #tell} returns the next generation's state.
 */
final class CmaState {

  private static final double MIN_EIGENVALUE = 1e-20;
  private static final double MAX_SIGMA = 1e3;

  private final CmaParameters p;
  private final double[] mean;
  private final double sigma;
  private final double[][] c;
  private final double[] pathSigma;
  private final double[] pathC;
  private final int generation;
  // C = B diag(d^2) B^T, the columns of b being eigenvectors.
  private final double[][] b;
  private final double[] d;

  private CmaState(
      CmaParameters p,
      double[] mean,
      double sigma,
      double[][] c,
      double[] pathSigma,
      double[] pathC,
      int generation) {
    this.p = p;
    this.mean = mean;
    this.sigma = sigma;
    this.c = c;
    this.pathSigma = pathSigma;
    this.pathC = pathC;
    this.generation = generation;
    int n = mean.length;
    this.b = new double[n][n];
    this.d = new double[n];
    decompose();
  }

  /** The first generation: mean {@code mean}, step size {@code sigma}, identity covariance. */
  static CmaState initial(CmaParameters p, double[] mean, double sigma) {
    int n = mean.length;
    double[][] identity = new double[n][n];
    for (int i = 0; i < n; i++) {
      identity[i][i] = 1;
    }
    return new CmaState(p, mean.clone(), sigma, identity, new double[n], new double[n], 0);
  }

  double[] mean() {
    return mean.clone();
  }

  double sigma() {
    return sigma;
  }

  int generation() {
    return generation;
  }

  /** One point drawn from {@code N(mean, sigma^2 C)}. */
  double[] sample(RandomGenerator rng) {
    int n = mean.length;
    double[] scaled = new double[n];
    for (int k = 0; k < n; k++) {
      scaled[k] = d[k] * rng.nextGaussian();
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += b[i][k] * scaled[k];
      }
      x[i] = mean[i] + sigma * sum;
    }
    return x;
  }

  /**
   * The state after one generation of {@code lambda} evaluated points. Steps of points that were
   * not drawn from this state (imported, or drawn before the previous generation ended) are
   * shortened to a typical length, as Hansen recommends for injected solutions.
   */
  CmaState tell(List<double[]> points, double[] losses) {
    int n = mean.length;
    Integer[] order = new Integer[points.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> losses[i]));
    double[][] steps = new double[p.mu()][];
    double[] weighted = new double[n];
    for (int r = 0; r < p.mu(); r++) {
      steps[r] = clipped(points.get(order[r]));
      for (int i = 0; i < n; i++) {
        weighted[i] += p.weight(r) * steps[r][i];
      }
    }
    double[] nextMean = new double[n];
    for (int i = 0; i < n; i++) {
      nextMean[i] = mean[i] + sigma * weighted[i];
    }
    double[] whitened = inverseSqrtTimes(weighted);
    double[] ps = new double[n];
    double psFactor = Math.sqrt(p.cSigma() * (2 - p.cSigma()) * p.muEff());
    for (int i = 0; i < n; i++) {
      ps[i] = (1 - p.cSigma()) * pathSigma[i] + psFactor * whitened[i];
    }
    double psNorm = Math.sqrt(dot(ps, ps));
    double correction = Math.sqrt(1 - Math.pow(1 - p.cSigma(), 2.0 * (generation + 1)));
    boolean stalled = psNorm / correction >= (1.4 + 2.0 / (n + 1)) * p.chiN();
    double hSigma = stalled ? 0 : 1;
    double[] pc = new double[n];
    double pcFactor = hSigma * Math.sqrt(p.cC() * (2 - p.cC()) * p.muEff());
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - p.cC()) * pathC[i] + pcFactor * weighted[i];
    }
    double keep = 1 - p.c1() - p.cMu() + (1 - hSigma) * p.c1() * p.cC() * (2 - p.cC());
    double[][] nextC = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int r = 0; r < p.mu(); r++) {
          rankMu += p.weight(r) * steps[r][i] * steps[r][j];
        }
        double value = keep * c[i][j] + p.c1() * pc[i] * pc[j] + p.cMu() * rankMu;
        nextC[i][j] = value;
        nextC[j][i] = value;
      }
    }
    double nextSigma =
        sigma * Math.exp(Math.min(1, (p.cSigma() / p.dSigma()) * (psNorm / p.chiN() - 1)));
    return new CmaState(p, nextMean, Math.min(MAX_SIGMA, nextSigma), nextC, ps, pc, generation + 1);
  }

  // (x - mean) / sigma, shortened to Hansen's bound on its Mahalanobis length.
  private double[] clipped(double[] x) {
    int n = mean.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (x[i] - mean[i]) / sigma;
    }
    double[] whitened = inverseSqrtTimes(y);
    double length = Math.sqrt(dot(whitened, whitened));
    double bound = Math.sqrt(n) + 2.0 * n / (n + 2);
    if (length > bound) {
      for (int i = 0; i < n; i++) {
        y[i] *= bound / length;
      }
    }
    return y;
  }

  // C^{-1/2} v = B diag(1/d) B^T v.
  private double[] inverseSqrtTimes(double[] v) {
    int n = v.length;
    double[] projected = new double[n];
    for (int k = 0; k < n; k++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += b[i][k] * v[i];
      }
      projected[k] = sum / d[k];
    }
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += b[i][k] * projected[k];
      }
      result[i] = sum;
    }
    return result;
  }

  private void decompose() {
    int n = mean.length;
    DMatrixRMaj matrix = new DMatrixRMaj(c);
    EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, true, true);
    if (n == 0 || !eigen.decompose(matrix)) {
      for (int i = 0; i < n; i++) {
        b[i][i] = 1;
        d[i] = Math.sqrt(Math.max(c[i][i], MIN_EIGENVALUE));
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      d[k] = Math.sqrt(Math.max(eigen.getEigenvalue(k).real, MIN_EIGENVALUE));
      DMatrixRMaj vector = eigen.getEigenVector(k);
      for (int i = 0; i < n; i++) {
        b[i][k] = vector.get(i);
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
