package dev.tunelab.tuner.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Trials;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomTunerTest {

  private static final SearchSpace CONTINUOUS =
      SearchSpace.parse(
          Json.object(
              "{'opt': {'_type': 'choice', '_value': ['a', 'b', 'c', 'd']},"
                  + " 'lr': {'_type': 'loguniform', '_value': [0.0001, 0.1]}}"));

  private static Tuner tuner(SearchSpace space, long seed) {
    RandomTuner.Factory factory = new RandomTuner.Factory();
    return factory.create(space, TunerArgs.bind(factory.arguments(), Map.of("seed", seed), 0));
  }

  private static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }

  @Test
  void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
    Suggestions first = tuner(CONTINUOUS, 1).suggest(List.of(), 5);

    assertThat(tuner(CONTINUOUS, 1).suggest(List.of(), 5)).isEqualTo(first);
    assertThat(tuner(CONTINUOUS, 2).suggest(List.of(), 5)).isNotEqualTo(first);
  }

  @Test
  void takesTheSeedFromTheArgumentsOrTheExperiment() {
    RandomTuner.Factory factory = new RandomTuner.Factory();
    Tuner fromFallback =
        factory.create(CONTINUOUS, TunerArgs.bind(factory.arguments(), Map.of(), 77));

    assertThat(fromFallback.suggest(List.of(), 3))
        .isEqualTo(tuner(CONTINUOUS, 77).suggest(List.of(), 3));
  }

  @Test
  void aSuggestionDependsOnItsPlaceInTheExperimentNotOnHowCallsWereBatched() {
    Tuner batched = tuner(CONTINUOUS, 3);
    Tuner single = tuner(CONTINUOUS, 3);
    List<TrialRecord> history = Trials.submit(List.of(), batched.suggest(List.of(), 2));

    List<Map<String, Object>> oneCall = batched.suggest(history, 3).parameters();
    List<Map<String, Object>> oneByOne = new ArrayList<>();
    List<TrialRecord> growing = history;
    for (int i = 0; i < 3; i++) {
      Suggestions next = single.suggest(growing, 1);
      oneByOne.addAll(next.parameters());
      growing = Trials.submit(growing, next);
    }

    assertThat(oneByOne).isEqualTo(oneCall);
  }

  @Test
  void drawsChoicesUniformly() {
    Tuner tuner = tuner(CONTINUOUS, 11);
    Map<Object, Integer> counts = new HashMap<>();

    tuner
        .suggest(List.of(), 8000)
        .parameters()
        .forEach(p -> counts.merge(p.get("opt"), 1, Integer::sum));

    assertThat(counts).containsOnlyKeys("a", "b", "c", "d");
    counts.values().forEach(count -> assertThat(count / 8000.0).isCloseTo(0.25, within(0.03)));
  }

  @Test
  void coversASmallFiniteSpaceWithoutRepeatsThenIsExhausted() {
    SearchSpace space =
        space(
            "{'a': {'_type': 'choice', '_value': ['x', 'y', 'z']}, 'b': {'_type': 'randint', '_value': [0, 2]}}");
    Tuner tuner = tuner(space, 5);

    Suggestions all = tuner.suggest(List.of(), 10);

    Set<String> distinct = new HashSet<>();
    all.parameters().forEach(p -> distinct.add(SearchSpace.canonicalKey(p)));
    assertThat(all.parameters()).hasSize(6);
    assertThat(distinct).hasSize(6);
    assertThat(all.exhausted()).isTrue();
  }

  @Test
  void findsTheLastUnseenPointOfALargeSpaceInGridOrder() {
    SearchSpace space = space("{'n': {'_type': 'randint', '_value': [0, 1000]}}");
    List<TrialRecord> history = new ArrayList<>();
    for (int n = 0; n < 1000; n++) {
      if (n != 617) {
        history.add(Trials.succeeded(history.size(), Map.of("n", n)));
      }
    }

    Suggestions suggestions = tuner(space, 1).suggest(history, 3);

    assertThat(suggestions).isEqualTo(Suggestions.exhausted(List.of(Map.of("n", 617L))));
  }

  @Test
  void neverExhaustsAContinuousSpace() {
    Tuner tuner = tuner(CONTINUOUS, 9);
    List<TrialRecord> history = List.of();

    for (int round = 0; round < 20; round++) {
      Suggestions suggestions = tuner.suggest(history, 50);
      assertThat(suggestions.exhausted()).isFalse();
      assertThat(suggestions.parameters()).hasSize(50);
      history = Trials.submit(history, suggestions);
    }
  }
}
