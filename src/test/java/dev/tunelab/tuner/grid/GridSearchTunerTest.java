package dev.tunelab.tuner.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.NniExamples;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Trials;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridSearchTunerTest {

  private static Tuner tuner(SearchSpace space) {
    GridSearchTuner.Factory factory = new GridSearchTuner.Factory();
    return factory.create(space, TunerArgs.bind(factory.arguments(), Map.of(), 0));
  }

  private static Tuner tuner(String json) {
    return tuner(SearchSpace.parse(Json.object(json)));
  }

  /** Runs the tuner to exhaustion or {@code limit} trials, one suggestion at a time. */
  private static List<Map<String, Object>> walk(Tuner tuner, int limit) {
    List<TrialRecord> history = List.of();
    List<Map<String, Object>> all = new ArrayList<>();
    while (all.size() < limit) {
      Suggestions suggestions = tuner.suggest(history, 1);
      all.addAll(suggestions.parameters());
      history = Trials.submit(history, suggestions);
      if (suggestions.exhausted()) {
        break;
      }
    }
    return all;
  }

  @Test
  void followsTheOrderOfNnisDocumentedExample() {
    // The example in the comment of NNI's gridsearch_tuner.py.
    Tuner tuner =
        tuner(
            "{'x': {'_type': 'choice', '_value': [5, 7]}, 'y': {'_type': 'normal', '_value': [0, 1]},"
                + " 'z': {'_type': 'quniform', '_value': [2, 3, 1]}}");
    double q = 0.6744897501960817;
    double[][] expected = {
      {5, 0, 2},
      {7, 0, 2},
      {5, 0, 3},
      {5, -q, 2},
      {5, -q, 3},
      {5, q, 2},
      {5, q, 3},
      {7, 0, 3},
      {7, -q, 2},
      {7, -q, 3},
      {7, q, 2},
      {7, q, 3}
    };

    Suggestions suggestions = tuner.suggest(List.of(), expected.length);

    assertThat(suggestions.exhausted()).isFalse();
    for (int i = 0; i < expected.length; i++) {
      Map<String, Object> parameters = suggestions.parameters().get(i);
      assertThat(parameters.get("x")).as("x of #%d", i).isEqualTo((int) expected[i][0]);
      assertThat((Double) parameters.get("y"))
          .as("y of #%d", i)
          .isCloseTo(expected[i][1], within(1e-15));
      assertThat(parameters.get("z")).as("z of #%d", i).isEqualTo(expected[i][2]);
    }
  }

  @Test
  void triesEveryCombinationWithTheLastParameterFastestThenIsExhausted() {
    Tuner tuner =
        tuner(
            "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam']}, 'n': {'_type': 'randint', '_value': [0, 3]}}");

    Suggestions suggestions = tuner.suggest(List.of(), 10);

    assertThat(suggestions.exhausted()).isTrue();
    assertThat(suggestions.parameters())
        .containsExactly(
            Map.of("opt", "sgd", "n", 0L),
            Map.of("opt", "sgd", "n", 1L),
            Map.of("opt", "sgd", "n", 2L),
            Map.of("opt", "adam", "n", 0L),
            Map.of("opt", "adam", "n", 1L),
            Map.of("opt", "adam", "n", 2L));
  }

  @Test
  void saysExhaustedWithTheLastPoints() {
    Tuner tuner = tuner("{'opt': {'_type': 'choice', '_value': ['sgd', 'adam']}}");

    assertThat(tuner.suggest(List.of(), 2).exhausted()).isTrue();
    assertThat(tuner.suggest(List.of(), 1))
        .isEqualTo(Suggestions.of(List.of(Map.of("opt", "sgd"))));
  }

  @Test
  void walksNestedChoicesOptionByOption() {
    Tuner tuner =
        tuner(
            "{'m': {'_type': 'choice', '_value': [{'_name': 'A', 'k': {'_type': 'choice', '_value': [1, 2]}},"
                + " {'_name': 'B'}]}, 'z': {'_type': 'choice', '_value': [0, 1]}}");

    assertThat(walk(tuner, 100))
        .containsExactly(
            Json.object("{'m': {'_name': 'A', 'k': 1}, 'z': 0}"),
            Json.object("{'m': {'_name': 'A', 'k': 1}, 'z': 1}"),
            Json.object("{'m': {'_name': 'A', 'k': 2}, 'z': 0}"),
            Json.object("{'m': {'_name': 'A', 'k': 2}, 'z': 1}"),
            Json.object("{'m': {'_name': 'B'}, 'z': 0}"),
            Json.object("{'m': {'_name': 'B'}, 'z': 1}"));
  }

  @Test
  void coversNnisNestedExampleExactlyOnce() {
    SearchSpace space = NniExamples.space(NniExamples.NESTED);

    List<Map<String, Object>> all = walk(tuner(space), 1000);

    Set<String> distinct = new HashSet<>();
    all.forEach(parameters -> distinct.add(SearchSpace.canonicalKey(parameters)));
    assertThat(all).hasSize(121).allMatch(space::contains);
    assertThat(distinct).hasSize(121);
  }

  @Test
  void handlesChoicesNestedTwoDeep() {
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'a': {'_type': 'choice', '_value': [{'_name': 'x', 'b': {'_type': 'choice', '_value':"
                    + " [{'_name': 'y', 'c': {'_type': 'choice', '_value': [1, 2]}}, {'_name': 'z'}]}},"
                    + " {'_name': 'w'}]}}"));

    assertThat(walk(tuner(space), 100))
        .containsExactly(
            Json.object("{'a': {'_name': 'x', 'b': {'_name': 'y', 'c': 1}}}"),
            Json.object("{'a': {'_name': 'x', 'b': {'_name': 'y', 'c': 2}}}"),
            Json.object("{'a': {'_name': 'x', 'b': {'_name': 'z'}}}"),
            Json.object("{'a': {'_name': 'w'}}"));
  }

  @Test
  void givesEveryValueOfAQuantizedRangeOnceIncludingClippedEnds() {
    assertThat(walk(tuner("{'v': {'_type': 'quniform', '_value': [2, 10, 5]}}"), 100))
        .extracting(p -> p.get("v"))
        .containsExactlyInAnyOrder(2.0, 5.0, 10.0);
    // 11 is reached only at the very top of the range (5.5 rounds to the even 6, then clips);
    // NNI adds it again every epoch and never finishes.
    assertThat(walk(tuner("{'v': {'_type': 'quniform', '_value': [0, 11, 2]}}"), 100))
        .extracting(p -> p.get("v"))
        .containsExactly(6.0, 2.0, 8.0, 4.0, 10.0, 0.0, 11.0);
  }

  @Test
  void refinesContinuousRangesCoarseToFineForever() {
    List<Map<String, Object>> values =
        walk(tuner("{'v': {'_type': 'uniform', '_value': [0, 8]}}"), 15);

    assertThat(values)
        .extracting(p -> p.get("v"))
        .containsExactly(4.0, 2.0, 6.0, 1.0, 3.0, 5.0, 7.0, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5);
  }

  @Test
  void spacesLogRangesGeometricallyAndNormalOnesByQuantile() {
    List<Map<String, Object>> log =
        walk(tuner("{'v': {'_type': 'loguniform', '_value': [1, 10000]}}"), 3);
    assertThat(log)
        .extracting(p -> (Double) p.get("v"))
        .satisfiesExactly(
            v -> assertThat(v).isCloseTo(100, within(1e-9)),
            v -> assertThat(v).isCloseTo(10, within(1e-9)),
            v -> assertThat(v).isCloseTo(1000, within(1e-9)));
    List<Map<String, Object>> normal =
        walk(tuner("{'v': {'_type': 'normal', '_value': [10, 2]}}"), 3);
    assertThat(normal)
        .extracting(p -> (Double) p.get("v"))
        .satisfiesExactly(
            v -> assertThat(v).isEqualTo(10.0),
            v -> assertThat(v).isCloseTo(10 - 2 * 0.6744897501960817, within(1e-12)),
            v -> assertThat(v).isCloseTo(10 + 2 * 0.6744897501960817, within(1e-12)));
  }

  @Test
  void skipsPointsAlreadyInTheHistoryWhoeverProposedThem() {
    Tuner tuner = tuner("{'v': {'_type': 'choice', '_value': [1, 2, 3]}}");
    List<TrialRecord> history =
        List.of(Trials.succeeded(0, Map.of("v", 1.0)), Trials.pending(1, Map.of("v", 3)));

    assertThat(tuner.suggest(history, 5)).isEqualTo(Suggestions.exhausted(List.of(Map.of("v", 2))));
  }

  @Test
  void matchesAFreshTunerAfterAnyHistoryChange() {
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'a': {'_type': 'choice', '_value': [1, 2, 3]}, 'b': {'_type': 'quniform', '_value': [0, 4, 1]}}"));
    SplittableRandom random = new SplittableRandom(5);
    Tuner cached = tuner(space);
    List<TrialRecord> history = new ArrayList<>();

    for (int round = 0; round < 60; round++) {
      int count = 1 + random.nextInt(3);
      Suggestions suggestions = cached.suggest(history, count);
      assertThat(suggestions).as("round %d", round).isEqualTo(tuner(space).suggest(history, count));
      history = new ArrayList<>(Trials.submit(history, suggestions));
      switch (random.nextInt(4)) {
        case 0 -> history.remove(random.nextInt(history.size()));
        case 1 -> history.add(Trials.succeeded(history.size(), space.sample(random)));
        default -> {}
      }
    }
  }
}
