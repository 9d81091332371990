package dev.tunelab.tuner.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Trials;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EvolutionTunerTest {

  private static final EvolutionTuner.Factory FACTORY = new EvolutionTuner.Factory();
  private static final SearchSpace SPACE =
      SearchSpace.parse(
          Json.object(
              "{'a': {'_type': 'uniform', '_value': [0, 1]},"
                  + " 'b': {'_type': 'uniform', '_value': [0, 1]},"
                  + " 'c': {'_type': 'choice', '_value': ['x', 'y', 'z']}}"));

  private static Tuner tuner(Map<String, ?> args) {
    return FACTORY.create(SPACE, TunerArgs.bind(FACTORY.arguments(), args, 3));
  }

  private static TrialRecord completed(int id, Map<String, Object> parameters) {
    double value = ((Number) parameters.get("a")).doubleValue();
    return new TrialRecord(id, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value));
  }

  @Test
  void takesNnisClassArgs() {
    TunerArgs args = TunerArgs.bind(FACTORY.arguments(), Map.of(), 1);

    assertThat(args.asMap())
        .containsEntry("optimize_mode", "maximize")
        .containsEntry("population_size", 32L);
    assertThatThrownBy(() -> tuner(Map.of("population_size", 0)))
        .isInstanceOf(InvalidTunerArgsException.class)
        .hasMessageContaining("classArgs.population_size");
  }

  @Test
  void defersWhilePopulationSizeTrialsAreRunning() {
    List<TrialRecord> history = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      history.add(Trials.pending(i, SPACE.sample(SeededRandom.forDraw(1, i))));
    }

    Suggestions full = tuner(Map.of("population_size", 4)).suggest(history, 2);
    Suggestions room = tuner(Map.of("population_size", 5)).suggest(history, 2);

    assertThat(full.parameters()).isEmpty();
    assertThat(full.exhausted()).isFalse();
    assertThat(room.parameters()).hasSize(1);
  }

  @Test
  void afterTheRandomPopulationProposesMutantsOfOneParameter() {
    List<TrialRecord> history = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      history.add(completed(i, SPACE.sample(SeededRandom.forDraw(2, i))));
    }
    Tuner tuner = tuner(Map.of("population_size", 4));

    for (int round = 0; round < 10; round++) {
      Map<String, Object> child = tuner.suggest(history, 1).parameters().get(0);
      assertThat(history)
          .as("a member that %s differs from in one parameter", child)
          .anySatisfy(
              member ->
                  assertThat(
                          child.keySet().stream()
                              .filter(key -> !child.get(key).equals(member.parameters().get(key)))
                              .count())
                      .isEqualTo(1));
      history.add(completed(history.size(), child));
    }
  }

  @Test
  void aTournamentKeepsTheBetterMemberAndDropsTheWorse() {
    List<Population.Member> members = new ArrayList<>();
    members.add(new Population.Member(new double[] {0}, 2.0));
    members.add(new Population.Member(new double[] {1}, 1.0));

    Population.Member winner = Population.select(members, SeededRandom.forDraw(0, 0));

    assertThat(winner.loss()).isEqualTo(1.0);
    assertThat(members).containsExactly(winner);
  }

  @Test
  void importedResultsJoinThePopulationInsteadOfRandomIndividuals() {
    List<TrialRecord> imported = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, Object> parameters = SPACE.sample(SeededRandom.forDraw(3, i));
      imported.add(
          new TrialRecord(-1, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(i)));
    }
    List<TrialRecord> history = new ArrayList<>(imported);
    for (int i = 0; i < 2; i++) {
      history.add(completed(i, SPACE.sample(SeededRandom.forDraw(4, i))));
    }

    Map<String, Object> child =
        tuner(Map.of("population_size", 2)).suggest(history, 1).parameters().get(0);

    assertThat(history)
        .anySatisfy(
            member ->
                assertThat(
                        child.keySet().stream()
                            .filter(key -> !child.get(key).equals(member.parameters().get(key)))
                            .count())
                    .isEqualTo(1));
  }
}
