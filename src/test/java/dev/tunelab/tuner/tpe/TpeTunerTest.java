package dev.tunelab.tuner.tpe;

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
import dev.tunelab.tuner.TunerCatalog;
import dev.tunelab.tuner.anneal.AnnealTuner;
import dev.tunelab.tuner.evolution.EvolutionTuner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TpeTunerTest {

  private static final TpeTuner.Factory FACTORY = new TpeTuner.Factory();
  private static final SearchSpace PLANE =
      SearchSpace.parse(
          Json.object(
              "{'x': {'_type': 'uniform', '_value': [0, 1]},"
                  + " 'y': {'_type': 'uniform', '_value': [0, 1]}}"));

  static Tuner tuner(SearchSpace space, Map<String, ?> args) {
    return FACTORY.create(space, TunerArgs.bind(FACTORY.arguments(), args, 7));
  }

  static double number(Map<String, Object> parameters, String name) {
    return ((Number) parameters.get(name)).doubleValue();
  }

  /** {@code n} random completed trials of {@code space} valued by {@code f}, numbered from id. */
  static List<TrialRecord> completed(
      SearchSpace space, int id, int n, long seed, ToDoubleFunction<Map<String, Object>> f) {
    RandomGenerator rng = SeededRandom.forDraw(seed, 12345);
    List<TrialRecord> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> parameters = space.sample(rng);
      history.add(
          new TrialRecord(
              id < 0 ? -1 : id + i,
              parameters,
              TrialRecord.State.SUCCEEDED,
              OptionalDouble.of(f.applyAsDouble(parameters))));
    }
    return history;
  }

  private static double bowl(Map<String, Object> p) {
    return Math.pow(number(p, "x") - 0.3, 2) + Math.pow(number(p, "y") - 0.7, 2);
  }

  @Test
  void isRegisteredWithTheModelBasedTunersByNameAndAlias() {
    TunerCatalog catalog = TunerCatalog.builtIn();

    assertThat(catalog.find("tpe")).containsInstanceOf(TpeTuner.Factory.class);
    assertThat(catalog.find("TpeTuner")).containsInstanceOf(TpeTuner.Factory.class);
    assertThat(catalog.find("Anneal")).containsInstanceOf(AnnealTuner.Factory.class);
    assertThat(catalog.find("Evolution")).containsInstanceOf(EvolutionTuner.Factory.class);
  }

  @Test
  void takesNnisClassArgsWithTwoTunedDefaults() {
    TunerArgs args = TunerArgs.bind(FACTORY.arguments(), Map.of(), 1);

    assertThat(args.asMap()).containsEntry("optimize_mode", "minimize").containsKey("seed");
    assertThat(args.object("tpe_args").asMap())
        .containsEntry("constant_liar_type", "best")
        .containsEntry("n_startup_jobs", 10L)
        .containsEntry("n_ei_candidates", 24L)
        .containsEntry("linear_forgetting", 25L)
        .containsEntry("prior_weight", 1.0)
        .containsEntry("gamma", 1.0);
    assertThat(TpeArguments.of(args.object("tpe_args")).liar()).isEqualTo(ConstantLiar.BEST);
  }

  @Test
  void readsAnExplicitNullLiarAsNoLiarAsNniDoes() {
    Map<String, Object> tpeArgs = new HashMap<>();
    tpeArgs.put("constant_liar_type", null);

    TunerArgs args = TunerArgs.bind(FACTORY.arguments(), Map.of("tpe_args", tpeArgs), 1);

    assertThat(TpeArguments.of(args.object("tpe_args")).liar()).isEqualTo(ConstantLiar.NONE);
  }

  @Test
  void rejectsUnknownAndOutOfRangeTpeArgs() {
    assertThatThrownBy(
            () -> tuner(PLANE, Map.of("tpe_args", Map.of("gamma", 0.0, "n_ei_candidates", 0))))
        .isInstanceOfSatisfying(
            InvalidTunerArgsException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.field())
                    .containsExactlyInAnyOrder(
                        "classArgs.tpe_args.n_ei_candidates", "classArgs.tpe_args.gamma"));
    assertThatThrownBy(() -> tuner(PLANE, Map.of("tpe_args", Map.of("n_EI_candidates", 3))))
        .isInstanceOf(InvalidTunerArgsException.class)
        .hasMessageContaining("classArgs.tpe_args.n_EI_candidates");
    assertThatThrownBy(() -> tuner(PLANE, Map.of("tpe_args", Map.of("constant_liar_type", "min"))))
        .isInstanceOf(InvalidTunerArgsException.class);
  }

  @Test
  void proposesNearTheOptimumOnceModelling() {
    List<TrialRecord> history = completed(PLANE, 0, 40, 1, TpeTunerTest::bowl);

    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Object> next = tuner(PLANE, Map.of()).suggest(history, 1).parameters().get(0);
      proposals.add(next);
      history = new ArrayList<>(history);
      history.add(
          new TrialRecord(
              history.size(), next, TrialRecord.State.SUCCEEDED, OptionalDouble.of(bowl(next))));
    }

    assertThat(proposals.stream().mapToDouble(TpeTunerTest::bowl).average().orElseThrow())
        .isLessThan(0.02);
  }

  @Test
  void aBatchLiesAboutItsEarlierProposalsAsIfTheyWereRunning() {
    List<TrialRecord> history = completed(PLANE, 0, 30, 2, TpeTunerTest::bowl);

    List<Map<String, Object>> batch = tuner(PLANE, Map.of()).suggest(history, 8).parameters();

    List<TrialRecord> growing = new ArrayList<>(history);
    for (int i = 0; i < 8; i++) {
      Map<String, Object> next = tuner(PLANE, Map.of()).suggest(growing, 1).parameters().get(0);
      assertThat(next).as("proposal %d", i).isEqualTo(batch.get(i));
      growing.add(Trials.pending(growing.size(), next));
    }
  }

  @Test
  void theConstantLiarSpreadsEightConcurrentProposals() {
    double none = 0;
    double best = 0;
    double worst = 0;
    for (int seed = 0; seed < 20; seed++) {
      List<TrialRecord> history = completed(PLANE, 0, 30, seed, TpeTunerTest::bowl);
      none += closestPair(proposals(history, "none", seed));
      best += closestPair(proposals(history, "best", seed));
      worst += closestPair(proposals(history, "worst", seed));
    }

    assertThat(best).isGreaterThan(none);
    assertThat(worst).isGreaterThan(3 * none);
  }

  private static List<Map<String, Object>> proposals(
      List<TrialRecord> history, String liar, long seed) {
    Map<String, Object> args = Map.of("seed", seed, "tpe_args", Map.of("constant_liar_type", liar));
    List<Map<String, Object>> batch = tuner(PLANE, args).suggest(history, 8).parameters();
    assertThat(batch).hasSize(8);
    return batch;
  }

  private static double closestPair(List<Map<String, Object>> points) {
    double closest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      for (int j = i + 1; j < points.size(); j++) {
        double dx = number(points.get(i), "x") - number(points.get(j), "x");
        double dy = number(points.get(i), "y") - number(points.get(j), "y");
        closest = Math.min(closest, Math.hypot(dx, dy));
      }
    }
    return closest;
  }

  @Test
  void importedResultsWarmStartTheModel() {
    List<TrialRecord> imported = completed(PLANE, -1, 30, 3, TpeTunerTest::bowl);

    List<Map<String, Object>> cold = tuner(PLANE, Map.of()).suggest(List.of(), 5).parameters();
    List<Map<String, Object>> warm = tuner(PLANE, Map.of()).suggest(imported, 5).parameters();

    assertThat(warm).doesNotContainAnyElementsOf(cold);
    assertThat(warm.stream().mapToDouble(TpeTunerTest::bowl).average().orElseThrow())
        .isLessThan(0.03)
        .isLessThan(cold.stream().mapToDouble(TpeTunerTest::bowl).average().orElseThrow());
  }

  // Both options are as good, with their x optimal at opposite ends: a model that mixed the x of
  // both options would propose x near the other option's optimum about half the time.
  @Test
  void learnsANestedChoicesSubParametersOnlyFromTrialsThatChoseItsOption() {
    SearchSpace nested =
        SearchSpace.parse(
            Json.object(
                "{'model': {'_type': 'choice', '_value': ["
                    + "{'_name': 'a', 'x': {'_type': 'uniform', '_value': [0, 1]}},"
                    + "{'_name': 'b', 'x': {'_type': 'uniform', '_value': [0, 1]}}]}}"));
    ToDoubleFunction<Map<String, Object>> loss =
        p -> {
          Map<?, ?> model = (Map<?, ?>) p.get("model");
          double x = ((Number) model.get("x")).doubleValue();
          return Math.abs(x - (model.get("_name").equals("a") ? 0.2 : 0.8));
        };
    List<TrialRecord> history = completed(nested, 0, 60, 4, loss);

    Set<String> options = new HashSet<>();
    for (long seed = 0; seed < 12; seed++) {
      Map<String, Object> next =
          tuner(nested, Map.of("seed", seed)).suggest(history, 1).parameters().get(0);
      Map<?, ?> model = (Map<?, ?>) next.get("model");
      options.add((String) model.get("_name"));
      assertThat(loss.applyAsDouble(next)).as("%s", next).isLessThan(0.15);
    }
    assertThat(options).isNotEmpty();
  }

  @Test
  void fallsBackToGridOrderAndEndsWhenATinySpaceIsUsedUp() {
    SearchSpace tiny =
        SearchSpace.parse(
            Json.object(
                "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam']},"
                    + " 'layers': {'_type': 'randint', '_value': [1, 3]}}"));
    Tuner tuner = tuner(tiny, Map.of("tpe_args", Map.of("n_startup_jobs", 0)));
    List<TrialRecord> history = new ArrayList<>();
    Set<String> seen = new HashSet<>();

    Suggestions suggestions = tuner.suggest(history, 3);
    history = Trials.submit(history, suggestions);
    suggestions.parameters().forEach(p -> seen.add(SearchSpace.canonicalKey(p)));
    Suggestions last = tuner.suggest(history, 3);
    last.parameters().forEach(p -> seen.add(SearchSpace.canonicalKey(p)));

    assertThat(suggestions.exhausted()).isFalse();
    assertThat(last.parameters()).hasSize(1);
    assertThat(last.exhausted()).isTrue();
    assertThat(seen).hasSize(4);
  }
}
