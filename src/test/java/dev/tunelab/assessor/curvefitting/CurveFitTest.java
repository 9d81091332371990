package dev.tunelab.assessor.curvefitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CurveFitTest {

  private static final double[] EPOCHS = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();

  /** 0.5 − 0.4·e^(−x/2) at epochs 1 to 10. */
  private static final double[] SATURATING =
      IntStream.rangeClosed(1, 10).mapToDouble(x -> 0.5 - 0.4 * Math.exp(-x / 2.0)).toArray();

  @Test
  void findsTheParametersThatScipysCurveFitFinds() {
    // scipy 1.17.1's curve_fit from p0 = 1, rounded to 6 decimals.
    assertThat(fit(CurveFunction.VAP))
        .containsExactly(new double[] {-0.67745, -0.701527, 0.02704}, within(1e-5));
    assertThat(fit(CurveFunction.POW3))
        .containsExactly(new double[] {0.60368, 0.350127, 0.552391}, within(1e-5));
    assertThat(fit(CurveFunction.MMF))
        .containsExactly(new double[] {0.511617, 0.194298, 0.495935, 1.981204}, within(1e-5));
    assertThat(fit(CurveFunction.EXP4))
        .containsExactly(new double[] {0.5, 0.5, -0.916291, 1.0}, within(1e-5));
  }

  @Test
  void failsWhereScipyGivesUp() {
    // scipy: "Optimal parameters not found: Number of calls to function has reached maxfev".
    assertThat(CurveFit.fit(CurveFunction.POW4, EPOCHS, SATURATING)).isEmpty();
  }

  @Test
  void failsForACurveThatIsNotFiniteAtTheStart() {
    assertThat(CurveFit.fit(CurveFunction.ILOG2, EPOCHS, SATURATING)).isEmpty();
  }

  @Test
  void failsWithFewerPointsThanParameters() {
    assertThat(CurveFit.fit(CurveFunction.MMF, new double[] {1, 2, 3}, new double[] {.1, .2, .3}))
        .isEmpty();
  }

  private static double[] fit(CurveFunction function) {
    return CurveFit.fit(function, EPOCHS, SATURATING).orElseThrow();
  }
}
