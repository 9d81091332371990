package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.TrialRecord;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ObservationsTest {

  private static final SearchSpace SPACE =
      SearchSpace.parse(Json.object("{'x': {'_type': 'uniform', '_value': [0, 10]}}"));

  private static TrialRecord trial(double x, TrialRecord.State state, Double value) {
    return new TrialRecord(
        0,
        Map.of("x", x),
        state,
        value == null ? OptionalDouble.empty() : OptionalDouble.of(value));
  }

  private static double[] targets(List<TrialRecord> history, OptimizeMode mode) {
    return Observations.of(new Encoding(SPACE), history, mode)
        .trainingData(new int[1])
        .orElseThrow()
        .forest()
        .y();
  }

  @Test
  void scalesLossesLogarithmicallyWithTheWorstAtZero() {
    double[] y =
        targets(
            List.of(
                trial(1, TrialRecord.State.SUCCEEDED, 4.0),
                trial(2, TrialRecord.State.SUCCEEDED, 1.0),
                trial(3, TrialRecord.State.ENDED_EARLY, 2.0)),
            OptimizeMode.MINIMIZE);

    assertThat(y[0]).isZero();
    assertThat(y[1]).isLessThan(y[2]).isLessThan(0);
  }

  @Test
  void turnsValuesIntoLossesByTheOptimizeMode() {
    List<TrialRecord> history =
        List.of(
            trial(1, TrialRecord.State.SUCCEEDED, 4.0), trial(2, TrialRecord.State.SUCCEEDED, 1.0));

    assertThat(targets(history, OptimizeMode.MAXIMIZE)[0]).isLessThan(0);
    assertThat(targets(history, OptimizeMode.MAXIMIZE)[1]).isZero();
  }

  @Test
  void runningTrialsCountAsTheMedianLossAndFailedOnesAsTheWorst() {
    List<TrialRecord> history =
        List.of(
            trial(1, TrialRecord.State.SUCCEEDED, 1.0),
            trial(2, TrialRecord.State.SUCCEEDED, 2.0),
            trial(3, TrialRecord.State.SUCCEEDED, 9.0),
            trial(4, TrialRecord.State.PENDING, null),
            trial(5, TrialRecord.State.ENDED_EARLY, null));

    double[] y = targets(history, OptimizeMode.MINIMIZE);

    assertThat(y[3]).isCloseTo(y[1], within(1e-12));
    assertThat(y[4]).isCloseTo(y[2], within(1e-12));
  }

  @Test
  void skipsTrialsOutsideTheSpaceAndHasNoDataWithoutAValue() {
    Encoding encoding = new Encoding(SPACE);
    List<TrialRecord> history =
        List.of(
            new TrialRecord(-1, Map.of("y", 1), TrialRecord.State.SUCCEEDED, OptionalDouble.of(3)),
            trial(11, TrialRecord.State.SUCCEEDED, 1.0),
            trial(4, TrialRecord.State.PENDING, null));

    Observations observations = Observations.of(encoding, history, OptimizeMode.MINIMIZE);

    assertThat(observations.size()).isEqualTo(1);
    assertThat(observations.trainingData(new int[1])).isEmpty();
  }
}
