package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectedImprovementTest {

  @Test
  void isTheMeanImprovementOfALogNormalCostOverTheBest() {
    double mean = -1.0;
    double sd = 0.6;
    double bestLog = -1.3;
    SplittableRandom rng = new SplittableRandom(11);
    double sum = 0;
    int samples = 400_000;
    for (int i = 0; i < samples; i++) {
      double cost = Math.exp(mean + sd * rng.nextGaussian());
      sum += Math.max(0, Math.exp(bestLog) - cost);
    }

    double ei = ExpectedImprovement.ofLogCost(mean, sd * sd, bestLog);

    assertThat(ei).isCloseTo(sum / samples, within(0.01 * ei));
  }

  @Test
  void withoutUncertaintyIsTheImprovementOfTheMean() {
    assertThat(ExpectedImprovement.ofLogCost(-2, 0, -1))
        .isCloseTo(Math.exp(-1) - Math.exp(-2), within(1e-9));
    assertThat(ExpectedImprovement.ofLogCost(-1, 0, -2)).isZero();
  }

  @Test
  void growsWithUncertaintyWhereTheMeanIsWorse() {
    double certain = ExpectedImprovement.ofLogCost(-1, 0.01, -1.5);
    double uncertain = ExpectedImprovement.ofLogCost(-1, 1, -1.5);

    assertThat(uncertain).isGreaterThan(certain).isGreaterThan(0);
  }

  @Test
  void growsAsTheMeanImproves() {
    double previous = 0;
    for (double mean = 0; mean >= -5; mean -= 0.5) {
      double ei = ExpectedImprovement.ofLogCost(mean, 0.25, -2);
      assertThat(ei).isGreaterThan(previous);
      previous = ei;
    }
  }

  @Test
  void theNormalDistributionFunctionHasItsKnownValues() {
    assertThat(ExpectedImprovement.cdf(0)).isCloseTo(0.5, within(1e-12));
    assertThat(ExpectedImprovement.cdf(1.959964)).isCloseTo(0.975, within(1e-6));
    assertThat(ExpectedImprovement.cdf(-40)).isZero();
  }
}
