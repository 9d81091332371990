package dev.tunelab.tuner.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.random.RandomTuner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpTunerTest {

  private static final SearchSpace PLANE =
      space(
          "{'x': {'_type': 'uniform', '_value': [0, 1]}, 'y': {'_type': 'uniform', '_value': [0, 1]}}");
  private static final ToDoubleFunction<Map<String, Object>> BOWL =
      p -> Math.pow(number(p, "x") - 0.3, 2) + Math.pow(number(p, "y") - 0.6, 2);

  @Test
  void isRegisteredAsGpAndGpTunerWithNnisDefaults() {
    var factory = dev.tunelab.tuner.TunerCatalog.builtIn().find("gptuner").orElseThrow();
    TunerArgs args = TunerArgs.bind(factory.arguments(), Map.of(), 1);

    assertThat(factory.name()).isEqualTo("GP");
    assertThat(args.asMap())
        .containsEntry("optimize_mode", "maximize")
        .containsEntry("utility", "ei")
        .containsEntry("kappa", 5.0)
        .containsEntry("xi", 0.0)
        .containsEntry("nu", 2.5)
        .containsEntry("alpha", 1e-6)
        .containsEntry("cold_start_num", 10L)
        .containsEntry("selection_num_warm_up", 100_000L)
        .containsEntry("selection_num_starting_points", 250L);
  }

  @Test
  void proposalsOfOneBatchKeepApart() {
    List<TrialRecord> history = randomHistory(PLANE, BOWL, 12);

    List<Map<String, Object>> batch = tuner(PLANE, Map.of()).suggest(history, 3).parameters();

    assertThat(batch).hasSize(3);
    assertThat(distance(batch.get(0), batch.get(1))).isGreaterThan(0.01);
    assertThat(distance(batch.get(0), batch.get(2))).isGreaterThan(0.01);
    assertThat(distance(batch.get(1), batch.get(2))).isGreaterThan(0.01);
  }

  @Test
  void aRunningTrialSteersTheNextProposalAway() {
    List<TrialRecord> history = randomHistory(PLANE, BOWL, 12);
    Map<String, Object> first = tuner(PLANE, Map.of()).suggest(history, 1).parameters().get(0);
    List<TrialRecord> running = new ArrayList<>(history);
    running.add(record(history.size(), first, OptionalDouble.empty()));

    Map<String, Object> next = tuner(PLANE, Map.of()).suggest(running, 1).parameters().get(0);

    assertThat(distance(first, next)).isGreaterThan(0.01);
  }

  @Test
  void importedResultsWarmStartTheModel() {
    SearchSpace line = space("{'x': {'_type': 'uniform', '_value': [0, 1]}}");
    List<TrialRecord> history = new ArrayList<>();
    for (double x : new double[] {0, 0.05, 0.1, 0.15, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1}) {
      history.add(
          new TrialRecord(
              -1,
              Map.of("x", x),
              TrialRecord.State.SUCCEEDED,
              OptionalDouble.of(Math.pow(x - 0.3, 2))));
    }

    Map<String, Object> first = tuner(line, Map.of()).suggest(history, 1).parameters().get(0);

    assertThat(number(first, "x")).isBetween(0.22, 0.38);
  }

  @Test
  void minimizeAndMaximizeSeekOppositeEnds() {
    SearchSpace line = space("{'x': {'_type': 'uniform', '_value': [0, 1]}}");
    List<TrialRecord> history = randomHistory(line, p -> number(p, "x"), 12);

    double low = number(suggestOne(line, "minimize", history), "x");
    double high = number(suggestOne(line, "maximize", history), "x");

    assertThat(low).isLessThan(0.1);
    assertThat(high).isGreaterThan(0.9);
  }

  @Test
  void findsTheOptimumOfAMixedIntegerAndChoiceSpace() {
    SearchSpace mixed =
        space(
            "{'u': {'_type': 'uniform', '_value': [0, 1]},"
                + " 'r': {'_type': 'randint', '_value': [0, 10]},"
                + " 'c': {'_type': 'choice', '_value': [1, 2, 4, 8]}}");
    ToDoubleFunction<Map<String, Object>> loss =
        p ->
            Math.pow(number(p, "u") - 0.7, 2)
                + Math.pow(number(p, "r") - 3, 2) / 10
                + Math.pow(Math.log(number(p, "c")) / Math.log(2) - 2, 2) / 4;
    Tuner tuner = tuner(mixed, Map.of("optimize_mode", "minimize"));
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      Map<String, Object> p = tuner.suggest(history, 1).parameters().get(0);
      history.add(record(t, p, OptionalDouble.of(loss.applyAsDouble(p))));
    }

    Map<String, Object> best =
        history.stream()
            .min(java.util.Comparator.comparingDouble(r -> r.value().getAsDouble()))
            .orElseThrow()
            .parameters();
    assertThat(best.get("r")).isEqualTo(3L);
    assertThat(best.get("c")).isEqualTo(4);
    assertThat(number(best, "u")).isBetween(0.65, 0.75);
  }

  @Test
  void coldStartIsNnisRandomSearch() {
    Map<String, Object> args = Map.of("seed", 5);
    Tuner gp = tuner(PLANE, args);
    Tuner random =
        new RandomTuner.Factory()
            .create(PLANE, TunerArgs.bind(new RandomTuner.Factory().arguments(), args, 0));
    List<TrialRecord> history = randomHistory(PLANE, BOWL, 9);

    assertThat(gp.suggest(history, 2)).isEqualTo(random.suggest(history, 2));
  }

  @Test
  void everyUtilityAndSmoothnessProposesPointsOfTheSpace() {
    List<TrialRecord> history = randomHistory(PLANE, BOWL, 11);
    for (String utility : List.of("ei", "ucb", "poi")) {
      for (double nu : new double[] {0.5, 1.5, 2.5, Double.POSITIVE_INFINITY}) {
        Suggestions suggestions =
            tuner(PLANE, Map.of("utility", utility, "nu", nu, "optimize_mode", "minimize"))
                .suggest(history, 2);
        assertThat(suggestions.parameters()).hasSize(2).allMatch(PLANE::contains);
      }
    }
  }

  private static Map<String, Object> suggestOne(
      SearchSpace space, String mode, List<TrialRecord> history) {
    return tuner(space, Map.of("optimize_mode", mode)).suggest(history, 1).parameters().get(0);
  }

  static Tuner tuner(SearchSpace space, Map<String, Object> args) {
    GpTuner.Factory factory = new GpTuner.Factory();
    Map<String, Object> all = new java.util.HashMap<>(Map.of("optimize_mode", "minimize"));
    all.putAll(args);
    return factory.create(space, TunerArgs.bind(factory.arguments(), all, 42));
  }

  static List<TrialRecord> randomHistory(
      SearchSpace space, ToDoubleFunction<Map<String, Object>> loss, int n) {
    List<TrialRecord> history = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Map<String, Object> p = space.sample(SeededRandom.forDraw(77, t));
      history.add(record(t, p, OptionalDouble.of(loss.applyAsDouble(p))));
    }
    return history;
  }

  static TrialRecord record(int id, Map<String, Object> parameters, OptionalDouble value) {
    return new TrialRecord(
        id,
        parameters,
        value.isPresent() ? TrialRecord.State.SUCCEEDED : TrialRecord.State.PENDING,
        value);
  }

  private static double distance(Map<String, Object> a, Map<String, Object> b) {
    return Math.hypot(number(a, "x") - number(b, "x"), number(a, "y") - number(b, "y"));
  }

  static double number(Map<String, Object> parameters, String name) {
    return ((Number) parameters.get(name)).doubleValue();
  }

  static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }
}
