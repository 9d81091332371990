package dev.tunelab.assessor.curvefitting;

import static dev.tunelab.assessor.Assessor.Verdict.BAD;
import static dev.tunelab.assessor.Assessor.Verdict.GOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.Curves;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurveFittingAssessorTest {

  /** NNI predicts 0.92905 at epoch 20 for this curve. */
  private static final List<Double> MNIST_LIKE =
      List.of(0.60, 0.78, 0.85, 0.88, 0.90, 0.91, 0.915, 0.92, 0.921, 0.922);

  /** Levels off near 0.3; the model predicts it from step 10 on. */
  private static final List<Double> POOR = Curves.saturating(0.3, 20, 5);

  private static Assessor create(Map<String, ?> classArgs) {
    CurveFittingAssessor.Factory factory = new CurveFittingAssessor.Factory();
    return factory.create(TunerArgs.bind(factory.arguments(), classArgs, 1));
  }

  private static Assessor afterABestFinalResultOf(double best, Map<String, ?> classArgs) {
    Assessor assessor = create(classArgs);
    assessor.trialEnded(0, List.of(best / 2, best), true);
    return assessor;
  }

  @Test
  void judgesNothingBeforeATrialHasSucceeded() {
    Assessor assessor = create(Map.of());
    assessor.trialEnded(0, List.of(0.99), false);

    assertThat(assessor.assess(1, List.of(1.0))).isEqualTo(GOOD);
    assertThat(assessor.assess(1, POOR)).isEqualTo(GOOD);
  }

  @Test
  void stopsWhenThePredictionIsAtMostThresholdTimesTheBestFinalResult() {
    // 0.92905 > 0.95 × 0.9 = 0.855, but not > 0.95 × 1.0.
    assertThat(afterABestFinalResultOf(0.9, Map.of()).assess(1, MNIST_LIKE)).isEqualTo(GOOD);
    assertThat(afterABestFinalResultOf(1.0, Map.of()).assess(1, MNIST_LIKE)).isEqualTo(BAD);
    assertThat(afterABestFinalResultOf(1.0, Map.of("threshold", 0.9)).assess(1, MNIST_LIKE))
        .isEqualTo(GOOD);
  }

  @Test
  void takesTheBestOfTheSuccessfulTrialsLastFiniteResults() {
    Assessor assessor = create(Map.of());
    assessor.trialEnded(0, List.of(0.5, 0.9, Double.NaN), true);
    assessor.trialEnded(1, List.of(0.99, 1.0), false);
    assertThat(assessor.assess(2, MNIST_LIKE)).isEqualTo(GOOD);

    assessor.trialEnded(3, List.of(1.0, 0.97), true);
    assertThat(assessor.assess(4, MNIST_LIKE)).isEqualTo(GOOD);

    assessor.trialEnded(5, List.of(0.5, 1.0), true);
    assertThat(assessor.assess(6, MNIST_LIKE)).isEqualTo(BAD);
  }

  @Test
  void judgesEveryGapStepsFromStartStep() {
    Assessor assessor = afterABestFinalResultOf(0.9, Map.of("start_step", 6, "gap", 2));

    assertThat(verdicts(assessor, 9, 14)).containsExactly(GOOD, BAD, GOOD, BAD, GOOD, BAD);
  }

  @Test
  void judgesNothingBeforeStartStep() {
    Assessor assessor = afterABestFinalResultOf(0.9, Map.of("start_step", 12));

    assertThat(verdicts(assessor, 10, 12)).containsExactly(GOOD, GOOD, BAD);
  }

  @Test
  void fitsAroundNonFiniteResults() {
    List<Double> withGaps = new ArrayList<>(MNIST_LIKE);
    withGaps.set(2, Double.NaN);
    withGaps.set(6, Double.POSITIVE_INFINITY);

    assertThat(afterABestFinalResultOf(1.0, Map.of()).assess(1, withGaps)).isEqualTo(BAD);
  }

  private static List<Assessor.Verdict> verdicts(Assessor assessor, int fromStep, int toStep) {
    List<Assessor.Verdict> verdicts = new ArrayList<>();
    for (int step = fromStep; step <= toStep; step++) {
      verdicts.add(assessor.assess(1, POOR.subList(0, step)));
    }
    return verdicts;
  }

  @Test
  void rejectsArgumentsOutsideNnisRanges() {
    InvalidTunerArgsException rejected =
        catchThrowableOfType(
            InvalidTunerArgsException.class,
            () -> create(Map.of("epoch_num", 0, "threshold", -0.5, "gap", 0)));

    assertThat(rejected.problems())
        .extracting(FieldProblem::field)
        .containsExactly("classArgs.epoch_num", "classArgs.threshold", "classArgs.gap");
  }
}
