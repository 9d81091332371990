package dev.tunelab.assessor.curvefitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CurveModelTest {

  private static OptionalDouble predict(double[] ys, int target) {
    return CurveModel.predict(epochs(ys.length), ys, target, new SplittableRandom(7));
  }

  private static double[] epochs(int count) {
    return IntStream.rangeClosed(1, count).asDoubleStream().toArray();
  }

  @Test
  void predictsNothingForNnisCurveThatDoesNotConverge() {
    // NNI's test_not_converged: CurveModel(21).predict(...) is None.
    assertThat(predict(new double[] {1, 199, 0, 199, 1, 209, 2}, 21)).isEmpty();
  }

  @Test
  void predictsAnMnistLikeCurveAsNniDoes() {
    double[] accuracy = {0.60, 0.78, 0.85, 0.88, 0.90, 0.91, 0.915, 0.92, 0.921, 0.922};

    // NNI, three random seeds: 0.929046, 0.929050, 0.929051, from the same eight curves.
    assertThat(predict(accuracy, 20)).hasValueCloseTo(0.92905, within(1e-4));
    assertThat(CurveModel.effectiveCurves(epochs(10), accuracy, 20))
        .extracting(FittedCurve::function)
        .containsExactly(
            CurveFunction.VAP,
            CurveFunction.DR_HILL_ZERO_BACKGROUND,
            CurveFunction.LOG_POWER,
            CurveFunction.POW4,
            CurveFunction.MMF,
            CurveFunction.EXP4,
            CurveFunction.WEIBULL,
            CurveFunction.JANOSCHEK);
  }

  @Test
  void predictsASaturatingCurveNearItsLimit() {
    double[] saturating =
        IntStream.rangeClosed(1, 10).mapToDouble(x -> 0.5 - 0.4 * Math.exp(-x / 2.0)).toArray();

    assertThat(predict(saturating, 20)).hasValueCloseTo(0.5, within(0.005));
  }

  @Test
  void waitsWhileTheCurveStillRises() {
    double[] rising = IntStream.rangeClosed(1, 8).mapToDouble(x -> 0.1 + 0.05 * x).toArray();

    assertThat(predict(rising, 20)).isEmpty();
  }

  @Test
  void theSameGeneratorGivesTheSamePrediction() {
    double[] accuracy = {0.60, 0.78, 0.85, 0.88, 0.90, 0.91, 0.915, 0.92, 0.921, 0.922};

    assertThat(predict(accuracy, 20)).isEqualTo(predict(accuracy, 20));
  }

  @Test
  void agreesWithNnisModelOnRecordedCurves() throws IOException {
    List<String> lines = fixture();
    int sameCurves = 0;
    for (String line : lines) {
      String[] fields = line.split(";", -1);
      double[] ys = Arrays.stream(fields[0].split(" ")).mapToDouble(Double::parseDouble).toArray();
      List<String> nniCurves = fields[1].isEmpty() ? List.of() : List.of(fields[1].split(","));

      OptionalDouble predicted = predict(ys, 20);

      if (fields[2].equals("None")) {
        assertThat(predicted).as(line).isEmpty();
      } else {
        assertThat(predicted).as(line).hasValueCloseTo(Double.parseDouble(fields[2]), within(2e-3));
      }
      List<String> ours =
          CurveModel.effectiveCurves(epochs(ys.length), ys, 20).stream()
              .map(curve -> curve.function().name().toLowerCase(Locale.ROOT))
              .toList();
      sameCurves += ours.equals(nniCurves) ? 1 : 0;
    }
    // A few fits end on the other side of the evaluation budget in scipy and in commons-math.
    assertThat(lines).hasSize(62);
    assertThat(sameCurves).isGreaterThanOrEqualTo(60);
  }

  private static List<String> fixture() throws IOException {
    try (InputStream in =
        CurveModelTest.class.getResourceAsStream("/curvefitting/nni-curve-model.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .toList();
    }
  }

  @Test
  void takesMedianAndStandardDeviationAsNumpyDoes() {
    assertThat(CurveModel.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(CurveModel.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(CurveModel.median(new double[0])).isNaN();
    assertThat(CurveModel.standardDeviation(new double[] {1, 2, 3, 4})).isEqualTo(Math.sqrt(1.25));
  }
}
