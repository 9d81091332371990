package dev.tunelab.assessor.curvefitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formulas, checked with the numbers of NNI's {@code test_curvefitting_assessor.py}. */
class CurveFunctionTest {

  /** The initial {@code model_para} of NNI's {@code curvefunctions.py}. */
  private static final Map<CurveFunction, double[]> NNI_DEFAULTS =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(CurveFunction.VAP, new double[] {-0.622028, -0.470050, 0.042322}),
              Map.entry(CurveFunction.POW3, new double[] {0.84, 0.52, 0.01}),
              Map.entry(CurveFunction.LINEAR, new double[] {1., 0}),
              Map.entry(CurveFunction.LOGX_LINEAR, new double[] {0.378106, 0.046506}),
              Map.entry(
                  CurveFunction.DR_HILL_ZERO_BACKGROUND,
                  new double[] {0.772320, 0.586449, 2.460843}),
              Map.entry(CurveFunction.LOG_POWER, new double[] {0.77, 2.98, -0.51}),
              Map.entry(CurveFunction.POW4, new double[] {0.1, 200, 0., 0.8}),
              Map.entry(CurveFunction.MMF, new double[] {0.7, 0.1, 0.01, 5}),
              Map.entry(CurveFunction.EXP4, new double[] {0.7, 0.8, -0.8, 0.3}),
              Map.entry(CurveFunction.ILOG2, new double[] {0.78, 0.43}),
              Map.entry(CurveFunction.WEIBULL, new double[] {0.7, 0.1, 0.01, 1}),
              Map.entry(CurveFunction.JANOSCHEK, new double[] {0.73, 0.07, 0.355, 0.46})));

  @Test
  void hasNnisTwelveFamiliesWithTheirParameterCounts() {
    assertThat(CurveFunction.values()).hasSize(12);
    for (CurveFunction function : CurveFunction.values()) {
      assertThat(NNI_DEFAULTS.get(function)).hasSize(function.parameterCount());
    }
  }

  @Test
  void evaluatesAsNnisPredictY() {
    assertThat(value(CurveFunction.VAP, 9)).isCloseTo(0.5591906328335763, within(1e-12));
    assertThat(value(CurveFunction.LOGX_LINEAR, 15)).isCloseTo(1.0704360293379522, within(1e-12));
  }

  @Test
  void combinesWithEqualWeightsAsNnisFComb() {
    assertThat(equalWeightCombination(9)).isCloseTo(1.1543379521172443, within(1e-12));
    assertThat(equalWeightCombination(15)).isCloseTo(1.6949395581692737, within(1e-12));
  }

  @Test
  void breaksDownToNonFiniteValuesInsteadOfThrowing() {
    assertThat(CurveFunction.ILOG2.value(1, new double[] {1, 1})).isInfinite();
    assertThat(CurveFunction.POW4.value(1, new double[] {0.5, -1, 0, 1})).isNaN();
  }

  private static double value(CurveFunction function, double x) {
    return function.value(x, NNI_DEFAULTS.get(function));
  }

  private static double equalWeightCombination(double x) {
    return Arrays.stream(CurveFunction.values()).mapToDouble(f -> value(f, x)).sum() / 12;
  }
}
