package dev.tunelab.tuner.anneal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Trials;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnnealTunerTest {

  private static final AnnealTuner.Factory FACTORY = new AnnealTuner.Factory();
  private static final SearchSpace LINE =
      SearchSpace.parse(Json.object("{'x': {'_type': 'uniform', '_value': [0, 10]}}"));

  private static Tuner tuner(Map<String, ?> args) {
    return FACTORY.create(LINE, TunerArgs.bind(FACTORY.arguments(), args, 5));
  }

  private static double x(Map<String, Object> parameters) {
    return ((Number) parameters.get("x")).doubleValue();
  }

  private static TrialRecord result(int id, double x) {
    return new TrialRecord(
        id, Map.of("x", x), TrialRecord.State.SUCCEEDED, OptionalDouble.of(Math.abs(x - 7)));
  }

  @Test
  void takesNnisClassArgs() {
    TunerArgs args = TunerArgs.bind(FACTORY.arguments(), Map.of(), 1);

    assertThat(args.asMap())
        .containsEntry("optimize_mode", "minimize")
        .containsEntry("parallel_optimize", false)
        .containsEntry("constant_liar_type", "min");
    assertThatThrownBy(() -> tuner(Map.of("constant_liar_type", "best")))
        .isInstanceOf(InvalidTunerArgsException.class);
  }

  @Test
  void samplesEverCloserToTheBestImportedTrials() {
    List<TrialRecord> imported = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      imported.add(result(-1, i / 10.0));
    }

    List<Map<String, Object>> proposals = tuner(Map.of()).suggest(imported, 10).parameters();

    // 101 observations shrink the window to 1/11 of the range around one of the best trials.
    assertThat(proposals).allSatisfy(p -> assertThat(Math.abs(x(p) - 7)).isLessThan(1.5));
  }

  @Test
  void drawsFromThePriorWithoutResults() {
    List<Map<String, Object>> proposals = tuner(Map.of()).suggest(List.of(), 20).parameters();

    assertThat(
            proposals.stream().mapToDouble(AnnealTunerTest::x).max().orElseThrow()
                - proposals.stream().mapToDouble(AnnealTunerTest::x).min().orElseThrow())
        .isGreaterThan(5);
  }

  @Test
  void withParallelOptimizeCountsRunningTrialsAfterTwentyTrials() {
    List<TrialRecord> history = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      history.add(result(i, i * 0.45));
    }
    history.add(Trials.pending(21, Map.of("x", 1.0)));
    history.add(Trials.pending(22, Map.of("x", 1.1)));

    Map<String, Object> plain = tuner(Map.of()).suggest(history, 1).parameters().get(0);
    Map<String, Object> lying =
        tuner(Map.of("parallel_optimize", true, "constant_liar_type", "min"))
            .suggest(history, 1)
            .parameters()
            .get(0);

    assertThat(lying).isNotEqualTo(plain);
  }
}
