package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

  private static final double M52_AT_1 = 0.5239941088318203;

  @Test
  void maternKernelsMatchTheirClosedForms() {
    double s5 = Math.sqrt(5);
    assertThat(Smoothness.MATERN_52.correlation(1)).isCloseTo(M52_AT_1, within(1e-15));
    assertThat(Smoothness.MATERN_52.correlation(0)).isEqualTo(1);
    assertThat(Smoothness.MATERN_32.correlation(0.5))
        .isCloseTo((1 + Math.sqrt(3) * 0.5) * Math.exp(-Math.sqrt(3) * 0.5), within(1e-15));
    assertThat(Smoothness.MATERN_12.correlation(2)).isCloseTo(Math.exp(-2), within(1e-15));
    assertThat(Smoothness.RBF.correlation(2)).isCloseTo(Math.exp(-2), within(1e-15));
    assertThat(Smoothness.MATERN_52.correlation(0.3))
        .isCloseTo((1 + s5 * 0.3 + 0.15) * Math.exp(-s5 * 0.3), within(1e-15));
  }

  @Test
  void slopesAreMinusTheDerivativeOverTheDistance() {
    for (Smoothness smoothness : Smoothness.values()) {
      for (double r : new double[] {0.1, 0.7, 2.5}) {
        double h = 1e-6;
        double derivative =
            (smoothness.correlation(r + h) - smoothness.correlation(r - h)) / (2 * h);
        assertThat(smoothness.slope(r))
            .as("%s at %s", smoothness, r)
            .isCloseTo(-derivative / r, within(1e-6));
      }
    }
  }

  @Test
  void nuSelectsTheNearestClosedForm() {
    assertThat(Smoothness.forNu(0.5)).isEqualTo(Smoothness.MATERN_12);
    assertThat(Smoothness.forNu(1.5)).isEqualTo(Smoothness.MATERN_32);
    assertThat(Smoothness.forNu(2.5)).isEqualTo(Smoothness.MATERN_52);
    assertThat(Smoothness.forNu(Double.POSITIVE_INFINITY)).isEqualTo(Smoothness.RBF);
  }

  @Test
  void posteriorOfTwoPointsMatchesTheHandComputedTwoByTwoSolution() {
    // K = [[1.01, k], [k, 1.01]] with k = M52(1); y = [1, -1]; see the computation in the test.
    GaussianProcess gp = twoPoints();
    double det = 1.01 * 1.01 - M52_AT_1 * M52_AT_1;
    double alpha0 = (1.01 + M52_AT_1) / det;
    double k0 = Smoothness.MATERN_52.correlation(0.25);
    double k1 = Smoothness.MATERN_52.correlation(0.75);

    GaussianProcess.Prediction at = gp.predict(new double[] {0.25}, null, null);

    assertThat(at.mean()).isCloseTo(alpha0 * (k0 - k1), within(1e-12));
    assertThat(at.mean()).isCloseTo(0.566478980323107, within(1e-12));
    assertThat(at.variance()).isCloseTo(0.0596143329893698, within(1e-12));
    assertThat(gp.predict(new double[] {0.5}, null, null).mean()).isCloseTo(0, within(1e-12));
  }

  @Test
  void predictionGradientsMatchFiniteDifferences() {
    GaussianProcess gp = randomProcess(2, 12);
    double[] point = {0.31, 0.62};
    double[] meanGradient = new double[2];
    double[] varianceGradient = new double[2];
    gp.predict(point, meanGradient, varianceGradient);
    for (int j = 0; j < 2; j++) {
      double[] up = point.clone();
      double[] down = point.clone();
      up[j] += 1e-6;
      down[j] -= 1e-6;
      GaussianProcess.Prediction a = gp.predict(up, null, null);
      GaussianProcess.Prediction b = gp.predict(down, null, null);
      assertThat(meanGradient[j]).isCloseTo((a.mean() - b.mean()) / 2e-6, within(1e-5));
      assertThat(varianceGradient[j]).isCloseTo((a.variance() - b.variance()) / 2e-6, within(1e-5));
    }
  }

  @Test
  void addingAnObservationEqualsConditioningFromScratch() {
    Hyperparameters h = new Hyperparameters(1.3, 0.02, new double[] {0.4, 0.7});
    double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}};
    double[] y = {0.3, -1.2, 0.8};
    GaussianProcess extended =
        GaussianProcess.condition(
                Smoothness.MATERN_52, h, java.util.Arrays.copyOf(x, 2), new double[] {0.3, -1.2})
            .withObservation(x[2], 0.8);
    GaussianProcess direct = GaussianProcess.condition(Smoothness.MATERN_52, h, x, y);

    double[] point = {0.45, 0.33};
    assertThat(extended.predict(point, null, null).mean())
        .isCloseTo(direct.predict(point, null, null).mean(), within(1e-12));
    assertThat(extended.predict(point, null, null).variance())
        .isCloseTo(direct.predict(point, null, null).variance(), within(1e-12));
  }

  @Test
  void repeatedPointsStillFactorise() {
    Hyperparameters h = new Hyperparameters(1, 0, new double[] {0.5});
    double[][] x = {{0.3}, {0.3}, {0.3}};

    GaussianProcess gp = GaussianProcess.condition(Smoothness.RBF, h, x, new double[] {1, 1, 1});

    assertThat(gp.predict(new double[] {0.3}, null, null).mean()).isCloseTo(1, within(1e-3));
  }

  static GaussianProcess twoPoints() {
    Hyperparameters h = new Hyperparameters(1, 0.01, new double[] {1});
    return GaussianProcess.condition(
        Smoothness.MATERN_52, h, new double[][] {{0}, {1}}, new double[] {1, -1});
  }

  static GaussianProcess randomProcess(int d, int n) {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = rng.nextDouble();
      }
      y[i] = Math.sin(5 * x[i][0]) + x[i][d - 1];
    }
    double[] lengths = new double[d];
    java.util.Arrays.fill(lengths, 0.3);
    return GaussianProcess.condition(
        Smoothness.MATERN_52, new Hyperparameters(1.5, 1e-4, lengths), x, y);
  }
}
