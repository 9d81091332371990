package dev.tunelab.assessor.medianstop;

import static dev.tunelab.assessor.Assessor.Verdict.BAD;
import static dev.tunelab.assessor.Assessor.Verdict.GOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.Assessor.Verdict;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MedianStopAssessorTest {

  private static final double NAN = Double.NaN;

  private static Assessor create(Map<String, ?> classArgs) {
    MedianStopAssessor.Factory factory = new MedianStopAssessor.Factory();
    return factory.create(TunerArgs.bind(factory.arguments(), classArgs, 1));
  }

  /**
   * Completed trials and their running averages:
   *
   * <pre>
   *   0: 1 3 5  ->  1   2   3
   *   1: 4 4 4  ->  4   4   4
   *   2: 0 1 8  ->  0   0.5 3
   *   3: 3 5    ->  3   4        (reached step 2 only)
   *   4: 9 9 9      failed: does not count
   * </pre>
   *
   * At step 2 the averages sort to 0.5 2 4 4; at step 3 to 3 3 4.
   */
  private static Assessor withWorkedExampleHistory(String mode, int startStep) {
    Assessor assessor = create(Map.of("optimize_mode", mode, "start_step", startStep));
    assessor.trialEnded(0, List.of(1.0, 3.0, 5.0), true);
    assessor.trialEnded(1, List.of(4.0, 4.0, 4.0), true);
    assessor.trialEnded(2, List.of(0.0, 1.0, 8.0), true);
    assessor.trialEnded(3, List.of(3.0, 5.0), true);
    assessor.trialEnded(4, List.of(9.0, 9.0, 9.0), false);
    return assessor;
  }

  @Test
  void whenMaximisingStopsATrialWhoseBestIsBelowTheLowerMedianOfRunningAverages() {
    Assessor assessor = withWorkedExampleHistory("maximize", 0);

    // Step 2: lower median of 0.5 2 4 4 is 2.
    assertThat(assessor.assess(9, List.of(1.9, 1.0))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(2.0, 0.0))).as("equal is not worse").isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(0.0, 2.5))).isEqualTo(GOOD);
    // Step 3: median of 3 3 4 is 3; the best so far counts, not the latest.
    assertThat(assessor.assess(9, List.of(2.9, 1.0, 1.0))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(3.0, 0.0, 0.0))).isEqualTo(GOOD);
    // Step 1: median of 1 4 0 3 (sorted 0 1 3 4) is 1.
    assertThat(assessor.assess(9, List.of(0.9))).isEqualTo(BAD);
  }

  @Test
  void whenMinimisingStopsATrialWhoseBestIsAboveTheUpperMedian() {
    Assessor assessor = withWorkedExampleHistory("minimize", 0);

    // Step 2: upper median of 0.5 2 4 4 is 4.
    assertThat(assessor.assess(9, List.of(4.1, 5.0))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(9.0, 4.0))).isEqualTo(GOOD);
    // Step 3: median of 3 3 4 is 3.
    assertThat(assessor.assess(9, List.of(3.5, 3.1, 3.2))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(5.0, 3.0, 7.0))).isEqualTo(GOOD);
  }

  @Test
  void letsATrialGoOnBeyondTheStepsThatCompletedTrialsReached() {
    Assessor assessor = withWorkedExampleHistory("maximize", 0);

    assertThat(assessor.assess(9, List.of(-9.0, -9.0, -9.0, -9.0))).isEqualTo(GOOD);
  }

  @Test
  void judgesOnlyFromStartStep() {
    Assessor assessor = withWorkedExampleHistory("maximize", 3);

    assertThat(assessor.assess(9, List.of(-9.0))).isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(-9.0, -9.0))).isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(-9.0, -9.0, -9.0))).isEqualTo(BAD);
  }

  @Test
  void leavesNonFiniteResultsOutOfAveragesAndBests() {
    Assessor assessor = create(Map.of());
    // Running averages: none, 6, 6, 5.
    assessor.trialEnded(0, List.of(NAN, 6.0, NAN, 4.0), true);

    assertThat(assessor.assess(9, List.of(-5.0))).as("no average at step 1").isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(NAN, 5.9))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(6.0, NAN))).isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(NAN, NAN, NAN))).isEqualTo(GOOD);
    assertThat(assessor.assess(9, List.of(4.0, NAN, 4.9, NAN))).isEqualTo(BAD);
    assertThat(assessor.assess(9, List.of(4.0, NAN, 5.0, NAN))).isEqualTo(GOOD);
  }

  @Test
  void countsATrialReportedTwiceOnce() {
    Assessor assessor = create(Map.of());
    assessor.trialEnded(0, List.of(1.0), true);
    assessor.trialEnded(1, List.of(3.0), true);
    assessor.trialEnded(1, List.of(3.0), true);

    // Median of 1 3 is 1 (the lower middle); with 3 counted twice it would be 3.
    assertThat(assessor.assess(9, List.of(2.0))).isEqualTo(GOOD);
  }

  @Test
  void agreesWithNnisCodeOnRandomInterleavedTrials() {
    SplittableRandom random = new SplittableRandom(11);
    int stopped = 0;
    for (int experiment = 0; experiment < 40; experiment++) {
      OptimizeMode mode = experiment % 2 == 0 ? OptimizeMode.MAXIMIZE : OptimizeMode.MINIMIZE;
      int startStep = random.nextInt(4);
      Assessor ours = create(Map.of("optimize_mode", mode.nniName(), "start_step", startStep));
      NniMedianstop nni = new NniMedianstop(mode == OptimizeMode.MAXIMIZE, startStep);
      stopped += simulate(random, ours, nni);
    }
    assertThat(stopped).as("trials stopped in all experiments").isBetween(100, 40 * 100);
  }

  /** Runs up to 100 trials, four at a time, through both; returns how many were stopped. */
  private static int simulate(SplittableRandom random, Assessor ours, NniMedianstop nni) {
    Map<Integer, List<Double>> running = new HashMap<>();
    Map<Integer, Integer> lengths = new HashMap<>();
    int next = 0;
    int stopped = 0;
    while (next < 100 || !running.isEmpty()) {
      if (running.size() < 4 && next < 100) {
        lengths.put(next, 1 + random.nextInt(12));
        running.put(next++, new ArrayList<>());
      }
      List<Integer> ids = new ArrayList<>(running.keySet());
      int trial = ids.get(random.nextInt(ids.size()));
      List<Double> history = running.get(trial);
      // Two decimals, so that ties with the median happen.
      history.add(Math.round(random.nextDouble(-1, 1) * 100) / 100.0);
      Verdict verdict = ours.assess(trial, List.copyOf(history));
      assertThat(verdict)
          .as("trial %d at %s", trial, history)
          .isEqualTo(nni.assessTrial(trial, history));
      stopped += verdict == BAD ? 1 : 0;
      if (verdict == BAD || history.size() == lengths.get(trial)) {
        boolean succeeded = verdict == GOOD && random.nextInt(5) > 0;
        ours.trialEnded(trial, List.copyOf(history), succeeded);
        nni.trialEnd(trial, succeeded);
        running.remove(trial);
      }
    }
    return stopped;
  }

  @Test
  void rejectsAStartStepOutsideNnisRange() {
    InvalidTunerArgsException rejected =
        catchThrowableOfType(
            InvalidTunerArgsException.class, () -> create(Map.of("start_step", -1)));

    assertThat(rejected.problems())
        .extracting(FieldProblem::field)
        .containsExactly("classArgs.start_step");
  }
}
