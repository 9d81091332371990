package dev.tunelab.tuner.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CmaEsTunerTest {

  private static final SearchSpace CUBE3 =
      space(
          "{'a': {'_type': 'uniform', '_value': [-5, 5]},"
              + " 'b': {'_type': 'uniform', '_value': [-5, 5]},"
              + " 'c': {'_type': 'uniform', '_value': [-5, 5]}}");

  private final CmaEsTuner.Factory factory = new CmaEsTuner.Factory();

  @Test
  void isFoundByItsNames() {
    TunerCatalog catalog = TunerCatalog.builtIn();

    for (String name : List.of("CMAES", "CmaEs", "CMA-ES", "cma-es")) {
      assertThat(catalog.find(name)).as(name).containsInstanceOf(CmaEsTuner.Factory.class);
    }
  }

  @Test
  void generationsAreFormedFromFinishedTrialsOnly() {
    CmaEsTuner tuner = tuner(CUBE3, Map.of());
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < 14; t++) {
      Map<String, Object> p = tuner.suggest(history, 1).parameters().get(0);
      history.add(
          t % 2 == 0
              ? new TrialRecord(t, p, TrialRecord.State.SUCCEEDED, OptionalDouble.of(sphere(p)))
              : new TrialRecord(t, p, TrialRecord.State.PENDING, OptionalDouble.empty()));
    }

    // 7 finished trials, population 7 for n = 3: one generation told.
    assertThat(tuner.replay(history).generation()).isEqualTo(1);
    assertThat(tuner.replay(history.subList(0, 12)).generation()).isZero();
  }

  @Test
  void importedResultsFormTheFirstGenerationsAndMoveTheMean() {
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < 14; t++) {
      Map<String, Object> p = CUBE3.sample(new java.util.SplittableRandom(t));
      history.add(
          new TrialRecord(-1, p, TrialRecord.State.SUCCEEDED, OptionalDouble.of(sphere(p))));
    }

    CmaState state = tuner(CUBE3, Map.of()).replay(history);

    assertThat(state.generation()).isEqualTo(2);
    assertThat(state.mean()).isNotEqualTo(new double[] {0.5, 0.5, 0.5});
  }

  @Test
  void minimisesASphere() {
    CmaEsTuner tuner = tuner(CUBE3, Map.of());
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < 210; t++) {
      Map<String, Object> p = tuner.suggest(history, 1).parameters().get(0);
      history.add(new TrialRecord(t, p, TrialRecord.State.SUCCEEDED, OptionalDouble.of(sphere(p))));
    }

    double best = history.stream().mapToDouble(r -> r.value().getAsDouble()).min().orElseThrow();
    assertThat(best).isLessThan(0.01);
  }

  @Test
  void startsWithRandomTrialsWhenAsked() {
    CmaEsTuner tuner = tuner(CUBE3, Map.of("n_startup_trials", 5));
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Map<String, Object> p = CUBE3.sample(new java.util.SplittableRandom(t));
      history.add(new TrialRecord(t, p, TrialRecord.State.SUCCEEDED, OptionalDouble.of(1)));
    }

    assertThat(tuner.replay(history)).isNull();
  }

  @Test
  void drawsChoicesAtRandomAndTunesTheRest() {
    SearchSpace space =
        space(
            "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam']},"
                + " 'lr': {'_type': 'loguniform', '_value': [0.0001, 1]},"
                + " 'n': {'_type': 'normal', '_value': [0, 1]}}");

    List<Map<String, Object>> proposals =
        tuner(space, Map.of()).suggest(List.of(), 20).parameters();

    assertThat(proposals).hasSize(20).allMatch(space::contains);
    assertThat(proposals).extracting(p -> p.get("opt")).contains("sgd", "adam");
    assertThat(List.copyOf(proposals.get(0).keySet())).containsExactly("opt", "lr", "n");
  }

  @Test
  void rejectsNestedChoicesAndTheEmptySpace() {
    List<FieldProblem> problems =
        factory.checkSearchSpace(
            space("{'m': {'_type': 'choice', '_value': [{'_name': 'a'}, {'_name': 'b'}]}}"));

    assertThat(problems).extracting(FieldProblem::field).containsExactly("m._value");
    assertThat(factory.checkSearchSpace(SearchSpace.parse(Map.of()))).hasSize(1);
  }

  private CmaEsTuner tuner(SearchSpace space, Map<String, Object> args) {
    Map<String, Object> all = new java.util.HashMap<>(Map.of("optimize_mode", "minimize"));
    all.putAll(args);
    return (CmaEsTuner) factory.create(space, TunerArgs.bind(factory.arguments(), all, 3));
  }

  private static double sphere(Map<String, Object> p) {
    double sum = 0;
    for (String name : List.of("a", "b", "c")) {
      double v = ((Number) p.get(name)).doubleValue() - 1;
      sum += v * v;
    }
    return sum;
  }

  private static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }
}
