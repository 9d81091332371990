package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalLikelihoodTest {

  @Test
  void valueOfTwoPointsIsTheHandComputedNegativeLogPosterior() {
    MarginalLikelihood objective =
        new MarginalLikelihood(
            Smoothness.MATERN_52, new double[][] {{0}, {1}}, new double[] {1, -1});
    double[] theta = new Hyperparameters(1, 0.01, new double[] {1}).toLog();

    // 1/2 y^T K^-1 y + 1/2 log det K + log 2 pi = 3.748635458139025 (see GaussianProcessTest),
    // plus minus the log Gamma(3, 6) prior of l = 1: -(3 log 1 - 6 * 1) = 6.
    assertThat(objective.value(theta)).isCloseTo(3.748635458139025 + 6, within(1e-12));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = new double[15][3];
    double[] y = new double[15];
    for (int i = 0; i < 15; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = rng.nextDouble();
      }
      y[i] = Math.cos(4 * x[i][0]) - x[i][1] + 0.1 * rng.nextGaussian();
    }
    for (Smoothness smoothness : Smoothness.values()) {
      MarginalLikelihood objective = new MarginalLikelihood(smoothness, x, y);
      double[] theta = {Math.log(1.4), Math.log(0.03), Math.log(0.3), Math.log(0.8), 0.2};
      double[] gradient = new double[theta.length];
      objective.valueAndGradient(theta, gradient);
      for (int k = 0; k < theta.length; k++) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[k] += 1e-6;
        down[k] -= 1e-6;
        double numeric = (objective.value(up) - objective.value(down)) / 2e-6;
        assertThat(gradient[k]).as("%s, theta %d", smoothness, k).isCloseTo(numeric, within(1e-4));
      }
    }
  }
}
