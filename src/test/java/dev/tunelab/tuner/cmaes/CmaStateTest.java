package dev.tunelab.tuner.cmaes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmaStateTest {

  @Test
  void defaultPopulationIsFourPlusThreeLogN() {
    assertThat(CmaParameters.defaultLambda(1)).isEqualTo(4);
    assertThat(CmaParameters.defaultLambda(2)).isEqualTo(6);
    assertThat(CmaParameters.defaultLambda(5)).isEqualTo(8);
    assertThat(CmaParameters.defaultLambda(10)).isEqualTo(10);
  }

  @Test
  void recombinationWeightsArePositiveDecreasingAndSumToOne() {
    CmaParameters p = CmaParameters.of(4, 8);

    assertThat(p.mu()).isEqualTo(4);
    assertThat(p.weight(0)).isGreaterThan(p.weight(1));
    assertThat(p.weight(0) + p.weight(1) + p.weight(2) + p.weight(3)).isCloseTo(1, within(1e-12));
    assertThat(p.muEff()).isBetween(1.0, 4.0);
  }

  @Test
  void meanMovesTowardTheOptimumOfASphereAndTheStepShrinks() {
    double[] optimum = {0.2, 0.8, 0.35};
    CmaParameters p = CmaParameters.of(3, CmaParameters.defaultLambda(3));
    CmaState state = CmaState.initial(p, new double[] {0.5, 0.5, 0.5}, 1.0 / 6);
    SplittableRandom rng = new SplittableRandom(8);
    double start = distance(state.mean(), optimum);

    for (int g = 0; g < 40; g++) {
      List<double[]> points = new ArrayList<>();
      double[] losses = new double[p.lambda()];
      for (int k = 0; k < p.lambda(); k++) {
        double[] x = state.sample(rng);
        points.add(x);
        losses[k] = Math.pow(distance(x, optimum), 2);
      }
      state = state.tell(points, losses);
    }

    assertThat(state.generation()).isEqualTo(40);
    assertThat(distance(state.mean(), optimum)).isLessThan(start / 20);
    assertThat(state.sigma()).isLessThan(1.0 / 6 / 5);
  }

  @Test
  void oneGenerationMovesTheMeanToTheWeightedBestPoints() {
    CmaParameters p = CmaParameters.of(1, 4);
    CmaState state = CmaState.initial(p, new double[] {0.5}, 0.2);

    CmaState next =
        state.tell(
            List.of(new double[] {0.4}, new double[] {0.6}, new double[] {0.3}, new double[] {0.7}),
            new double[] {1, 3, 0, 4});

    // The best two, 0.3 then 0.4, weighted by log(2.5) - log(1) and log(2.5) - log(2).
    double w0 = Math.log(2.5);
    double w1 = Math.log(2.5) - Math.log(2);
    assertThat(next.mean()[0]).isCloseTo((w0 * 0.3 + w1 * 0.4) / (w0 + w1), within(1e-12));
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }
}
