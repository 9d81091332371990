package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HyperparameterFitTest {

  @Test
  void recoversTheLengthScaleOfASampleFromAKnownProcess() {
    int n = 60;
    double[][] x = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = (i + 0.5) / n;
    }
    double[] y = sampleFromPrior(x, new Hyperparameters(1, 1e-6, new double[] {0.2}), 11);

    Hyperparameters fitted =
        HyperparameterFit.fit(Smoothness.MATERN_52, x, y, 1e-6, new SplittableRandom(1));

    assertThat(fitted.lengthScales()[0]).isBetween(0.13, 0.3);
  }

  @Test
  void givesAnIrrelevantDimensionAMuchLongerLengthScale() {
    SplittableRandom rng = new SplittableRandom(2);
    double[][] x = new double[40][2];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i][0] = rng.nextDouble();
      x[i][1] = rng.nextDouble();
      y[i] = Math.sin(6 * x[i][0]);
    }

    double[] lengths =
        HyperparameterFit.fit(Smoothness.MATERN_52, x, y, 1e-6, new SplittableRandom(1))
            .lengthScales();

    assertThat(lengths[1]).isGreaterThan(3 * lengths[0]);
  }

  @Test
  void findsTheMinimumOfABoxedQuadraticOnItsBound() {
    BoxLbfgs.Objective f =
        (p, g) -> {
          g[0] = 2 * (p[0] - 2);
          g[1] = 2 * (p[1] + 1) + 0.5 * p[0];
          return Math.pow(p[0] - 2, 2) + Math.pow(p[1] + 1, 2) + 0.5 * p[0] * p[1];
        };

    BoxLbfgs.Result result =
        BoxLbfgs.minimize(
            f, new double[] {0.5, 0.5}, new double[] {0, -5}, new double[] {1, 5}, 1, 100);

    // x = 1 at its bound, then y minimises (y + 1)^2 + y / 2: y = -1.25.
    assertThat(result.point()[0]).isEqualTo(1);
    assertThat(result.point()[1]).isCloseTo(-1.25, org.assertj.core.api.Assertions.within(1e-6));
  }

  private static double[] sampleFromPrior(double[][] x, Hyperparameters h, long seed) {
    int n = x.length;
    org.ejml.data.DMatrixRMaj k = GaussianProcess.covariance(Smoothness.MATERN_52, h, x);
    var cholesky = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(n, true);
    assertThat(cholesky.decompose(k)).isTrue();
    org.ejml.data.DMatrixRMaj lower = cholesky.getT(null);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextGaussian();
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l <= i; l++) {
        y[i] += lower.get(i, l) * z[l];
      }
    }
    return y;
  }
}
