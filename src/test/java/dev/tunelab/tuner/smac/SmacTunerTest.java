package dev.tunelab.tuner.smac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmacTunerTest {

  private static final SearchSpace LINE =
      SearchSpace.parse(Json.object("{'x': {'_type': 'uniform', '_value': [0, 1]}}"));
  private static final SearchSpace PLANE =
      SearchSpace.parse(
          Json.object(
              "{'x': {'_type': 'uniform', '_value': [0, 1]},"
                  + " 'y': {'_type': 'uniform', '_value': [0, 1]}}"));

  private final SmacTuner.Factory factory = new SmacTuner.Factory();

  private Tuner tuner(SearchSpace space, Map<String, Object> args) {
    return factory.create(space, TunerArgs.bind(factory.arguments(), args, 0));
  }

  private static double x(Map<String, Object> parameters, String name) {
    return ((Number) parameters.get(name)).doubleValue();
  }

  private static TrialRecord finished(int id, Map<String, Object> parameters, double value) {
    return new TrialRecord(id, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value));
  }

  /** {@code count} random trials of {@code space}, finished with {@code f}, numbered from first. */
  private static List<TrialRecord> evaluated(
      SearchSpace space, int count, int first, ToDoubleFunction<Map<String, Object>> f) {
    SplittableRandom rng = new SplittableRandom(first + 1000);
    List<TrialRecord> trials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> parameters = space.sample(rng);
      trials.add(finished(first < 0 ? -1 : first + i, parameters, f.applyAsDouble(parameters)));
    }
    return trials;
  }

  @Test
  void isRegisteredAsSmacAndSmacTuner() {
    assertThat(TunerCatalog.builtIn().find("SMAC")).containsInstanceOf(SmacTuner.Factory.class);
    assertThat(TunerCatalog.builtIn().find("smactuner"))
        .containsInstanceOf(SmacTuner.Factory.class);
  }

  @Test
  void acceptsTheFiveTypesOfNnisSmac() {
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'a': {'_type': 'choice', '_value': ['x', 1, {'k': 2}]},"
                    + " 'b': {'_type': 'randint', '_value': [0, 5]},"
                    + " 'c': {'_type': 'uniform', '_value': [0, 1]},"
                    + " 'd': {'_type': 'quniform', '_value': [0, 1, 0.1]},"
                    + " 'e': {'_type': 'loguniform', '_value': [0.001, 1]}}"));

    assertThat(factory.checkSearchSpace(space)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'_type': 'qloguniform', '_value': [1, 100, 2]}",
        "{'_type': 'normal', '_value': [0, 1]}",
        "{'_type': 'qnormal', '_value': [0, 1, 0.5]}",
        "{'_type': 'lognormal', '_value': [0, 1]}",
        "{'_type': 'qlognormal', '_value': [0, 1, 0.5]}"
      })
  void rejectsTheTypesNnisSmacDoesNotSupport(String parameter) {
    SearchSpace space =
        SearchSpace.parse(
            Json.object("{'ok': {'_type': 'uniform', '_value': [0, 1]}, 'p': " + parameter + "}"));

    List<FieldProblem> problems = factory.checkSearchSpace(space);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).field()).isEqualTo("p._type");
    assertThat(problems.get(0).message())
        .contains("choice, randint, uniform, quniform and loguniform")
        .contains(space.parameters().get(1).type().nniName());
  }

  @Test
  void rejectsNestedChoices() {
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'model': {'_type': 'choice', '_value': ["
                    + "{'_name': 'svm', 'C': {'_type': 'uniform', '_value': [0.1, 10]}},"
                    + " {'_name': 'tree'}]}}"));

    assertThat(factory.checkSearchSpace(space))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("model._value");
              assertThat(problem.message()).contains("nested").contains("flatten");
            });
  }

  @Test
  void withConfigDedupNeverRepeatsAParameterSetUntilTheSpaceIsExhausted() {
    SearchSpace small =
        SearchSpace.parse(
            Json.object(
                "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam']},"
                    + " 'layers': {'_type': 'randint', '_value': [1, 4]},"
                    + " 'rate': {'_type': 'quniform', '_value': [0, 1, 0.25]}}"));
    Tuner tuner = tuner(small, Map.of("config_dedup", true, "seed", 5L));
    List<TrialRecord> history = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Suggestions suggestions = Suggestions.of(List.of());

    while (!suggestions.exhausted()) {
      suggestions = tuner.suggest(history, 2);
      for (Map<String, Object> parameters : suggestions.parameters()) {
        assertThat(seen.add(SearchSpace.canonicalKey(parameters))).as("%s", parameters).isTrue();
        history.add(finished(history.size(), parameters, x(parameters, "rate")));
      }
    }

    assertThat(seen).hasSize(30);
  }

  @Test
  void aBatchIsWhatOneByOneProposalsWithTheEarlierOnesRunningWouldBe() {
    List<TrialRecord> history = evaluated(PLANE, 20, 0, p -> x(p, "x") + x(p, "y"));
    Map<String, Object> args = Map.of("seed", 3L);

    List<Map<String, Object>> batch = tuner(PLANE, args).suggest(history, 3).parameters();
    List<TrialRecord> running = new ArrayList<>(history);
    List<Map<String, Object>> oneByOne = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> next = tuner(PLANE, args).suggest(running, 1).parameters().get(0);
      oneByOne.add(next);
      running.add(
          new TrialRecord(running.size(), next, TrialRecord.State.PENDING, OptionalDouble.empty()));
    }

    assertThat(batch).isEqualTo(oneByOne);
  }

  @Test
  void concurrentProposalsSpreadOutInsteadOfPilingOnTheBestRegion() {
    List<TrialRecord> history =
        evaluated(PLANE, 30, 0, p -> -Math.hypot(x(p, "x") - 0.3, x(p, "y") - 0.6));

    List<Map<String, Object>> batch =
        tuner(PLANE, Map.of("seed", 8L)).suggest(history, 6).parameters();

    assertThat(batch).hasSize(6);
    for (int i = 0; i < batch.size(); i++) {
      for (int j = i + 1; j < batch.size(); j++) {
        double distance =
            Math.hypot(
                x(batch.get(i), "x") - x(batch.get(j), "x"),
                x(batch.get(i), "y") - x(batch.get(j), "y"));
        assertThat(distance).as("%s and %s", batch.get(i), batch.get(j)).isGreaterThan(0.05);
      }
    }
  }

  @Test
  void importedResultsWarmStartTheModel() {
    List<TrialRecord> imported = evaluated(LINE, 30, -1, p -> -Math.abs(x(p, "x") - 0.8));

    List<Double> distances = new ArrayList<>();
    for (long seed = 0; seed < 10; seed++) {
      Map<String, Object> first =
          tuner(LINE, Map.of("seed", seed)).suggest(imported, 1).parameters().get(0);
      distances.add(Math.abs(x(first, "x") - 0.8));
    }

    // Without the imports the first trial is the first point of the initial design, anywhere.
    assertThat(distances.stream().filter(d -> d < 0.05).count()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void followsTheOptimizeMode() {
    List<TrialRecord> history = evaluated(LINE, 25, 0, p -> x(p, "x"));

    double maximizing = 0;
    double minimizing = 0;
    for (long seed = 0; seed < 5; seed++) {
      maximizing +=
          x(tuner(LINE, Map.of("seed", seed)).suggest(history, 1).parameters().get(0), "x");
      minimizing +=
          x(
              tuner(LINE, Map.of("seed", seed, "optimize_mode", "minimize"))
                  .suggest(history, 1)
                  .parameters()
                  .get(0),
              "x");
    }

    assertThat(maximizing / 5).isGreaterThan(0.7);
    assertThat(minimizing / 5).isLessThan(0.3);
  }

  @Test
  void findsALowerMinimumThanRandomSearchOnABowl() {
    ToDoubleFunction<Map<String, Object>> bowl =
        p -> Math.pow(x(p, "x") - 0.62, 2) + Math.pow(x(p, "y") - 0.27, 2);
    double smac = 0;
    double random = 0;
    for (long seed = 0; seed < 3; seed++) {
      smac += best("SMAC", bowl, seed);
      random += best("Random", bowl, seed);
    }

    assertThat(smac).isLessThan(random / 5);
  }

  private static double best(String name, ToDoubleFunction<Map<String, Object>> f, long seed) {
    var tunerFactory = TunerCatalog.builtIn().find(name).orElseThrow();
    Tuner tuner =
        tunerFactory.create(
            PLANE,
            TunerArgs.bind(
                tunerFactory.arguments(), Map.of("optimize_mode", "minimize", "seed", seed), 0));
    List<TrialRecord> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < 30; t++) {
      Map<String, Object> parameters = tuner.suggest(history, 1).parameters().get(0);
      double value = f.applyAsDouble(parameters);
      best = Math.min(best, value);
      history.add(finished(t, parameters, value));
    }
    return best;
  }
}
