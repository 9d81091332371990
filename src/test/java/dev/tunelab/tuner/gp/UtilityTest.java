package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UtilityTest {

  @Test
  void expectedImprovementAtTheBestMeanIsSdTimesTheNormalDensityAtZero() {
    assertThat(Utility.EI.value(1.0, 2.0, 1.0, 5, 0, null))
        .isCloseTo(2 * 0.3989422804014327, within(1e-12));
  }

  @Test
  void ucbIsTheNegatedLowerConfidenceBoundOfTheLoss() {
    assertThat(Utility.UCB.value(1.0, 0.5, 0, 5, 0, null)).isCloseTo(-1 + 2.5, within(1e-12));
  }

  @Test
  void probabilityOfImprovementIsOneHalfAtTheBestMinusXi() {
    assertThat(Utility.POI.value(0.9, 0.3, 1.0, 5, 0.1, null)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void expectedImprovementStaysPositiveAndSmoothFarFromTheBest() {
    double justAbove = Utility.EI.value(6.0001, 1, 0, 5, 0, null);
    double justBelow = Utility.EI.value(5.9999, 1, 0, 5, 0, null);
    double far = Utility.EI.value(30, 1, 0, 5, 0, null);

    assertThat(justAbove).isPositive().isCloseTo(justBelow, within(justBelow * 1e-2));
    assertThat(far).isPositive();
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    for (Utility utility : Utility.values()) {
      double[] partials = new double[2];
      utility.value(0.4, 0.7, 0.2, 2, 0.05, partials);
      double h = 1e-7;
      double dMean =
          (utility.value(0.4 + h, 0.7, 0.2, 2, 0.05, null)
                  - utility.value(0.4 - h, 0.7, 0.2, 2, 0.05, null))
              / (2 * h);
      double dSd =
          (utility.value(0.4, 0.7 + h, 0.2, 2, 0.05, null)
                  - utility.value(0.4, 0.7 - h, 0.2, 2, 0.05, null))
              / (2 * h);
      assertThat(partials[0]).as("%s d/dmean", utility).isCloseTo(dMean, within(1e-6));
      assertThat(partials[1]).as("%s d/dsd", utility).isCloseTo(dSd, within(1e-6));
    }
  }
}
