package dev.tunelab.assessor.curvefitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightSamplerTest {

  private static final double[] EPOCHS = {1, 2, 3, 4, 5, 6};

  /** Three rising lines that reach 0.8, 0.9 and 1.0 at epoch 20. */
  private static final List<FittedCurve> LINES =
      List.of(line(0.02, 0.4), line(0.025, 0.4), line(0.03, 0.4));

  private static FittedCurve line(double slope, double intercept) {
    return new FittedCurve(CurveFunction.LINEAR, new double[] {slope, intercept});
  }

  private static double[] observed() {
    double[] ys = new double[EPOCHS.length];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = 0.4 + 0.025 * EPOCHS[i] + (i % 2 == 0 ? 0.003 : -0.003);
    }
    return ys;
  }

  @Test
  void staysNearTheEqualWeightCombinationLikeNnisShortChains() {
    WeightSampler sampler = new WeightSampler(LINES, EPOCHS, observed(), 20);

    // Twenty steps of σ = 0.0005 move each weight by about 0.002 at most.
    assertThat(sampler.meanPrediction(new SplittableRandom(1))).isCloseTo(0.9, within(0.001));
  }

  @Test
  void drawsOnlyFromTheGeneratorSoTheSameSeedGivesTheSameValue() {
    WeightSampler sampler = new WeightSampler(LINES, EPOCHS, observed(), 20);

    assertThat(sampler.meanPrediction(new SplittableRandom(5)))
        .isEqualTo(sampler.meanPrediction(new SplittableRandom(5)))
        .isNotEqualTo(sampler.meanPrediction(new SplittableRandom(6)));
  }
}
