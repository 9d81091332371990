package dev.tunelab.tuner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.NniExamples;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every tuner in the catalog must do, whatever its algorithm. */
class TunerContractTest {

  private static final SearchSpace MIXED = NniExamples.space(NniExamples.EVERY_TYPE);
  private static final SearchSpace FINITE =
      SearchSpace.parse(
          Json.object(
              "{'opt': {'_type': 'choice', '_value': ['sgd', 'adam', 'rmsprop']},"
                  + " 'layers': {'_type': 'randint', '_value': [1, 3]},"
                  + " 'dropout': {'_type': 'quniform', '_value': [0, 1, 0.5]}}"));
  private static final SearchSpace BATCH = NniExamples.space(NniExamples.BATCH);
  // NNI's SMAC subset (nni.md §2.3), flat: for tuners that reject normal types or nesting.
  private static final SearchSpace BOUNDED =
      SearchSpace.parse(
          Json.object(
              "{'pool': {'_type': 'choice', '_value': ['max', 'min', 'avg']},"
                  + " 'kernel': {'_type': 'randint', '_value': [2, 8]},"
                  + " 'dropout': {'_type': 'uniform', '_value': [0.5, 0.9]},"
                  + " 'hidden': {'_type': 'quniform', '_value': [100, 1000, 3]},"
                  + " 'lr': {'_type': 'loguniform', '_value': [0.0001, 0.1]}}"));

  // For tuners that take numbers only (GP, CMA-ES), NNI's GP types.
  private static final SearchSpace NUMERIC =
      SearchSpace.parse(
          Json.object(
              "{'batch': {'_type': 'choice', '_value': [16, 32, 64]},"
                  + " 'layers': {'_type': 'randint', '_value': [1, 5]},"
                  + " 'dropout': {'_type': 'uniform', '_value': [0, 0.5]},"
                  + " 'hidden': {'_type': 'quniform', '_value': [10, 100, 10]},"
                  + " 'lr': {'_type': 'loguniform', '_value': [0.0001, 0.1]},"
                  + " 'decay': {'_type': 'qloguniform', '_value': [1, 1000, 5]}}"));
  private static final SearchSpace NUMERIC_FINITE =
      SearchSpace.parse(
          Json.object(
              "{'batch': {'_type': 'choice', '_value': [16, 32, 64]},"
                  + " 'layers': {'_type': 'randint', '_value': [1, 3]},"
                  + " 'dropout': {'_type': 'quniform', '_value': [0, 1, 0.5]}}"));

  /**
   * The spaces a tuner is tested on, and how to see its suggestions as values of the space: a tuner
   * that rejects the mixed space gets the bounded one, or the numeric ones when it takes numbers
   * only; Batch takes a combine_params space and proposes its dicts unwrapped.
   */
  record Fixture(
      SearchSpace mixed, SearchSpace finite, UnaryOperator<Map<String, Object>> asValue) {

    static Fixture of(TunerFactory factory) {
      if (!factory.checkSearchSpace(MIXED).isEmpty()
          && factory.checkSearchSpace(BOUNDED).isEmpty()) {
        return new Fixture(BOUNDED, FINITE, parameters -> parameters);
      }
      if (!factory.checkSearchSpace(MIXED).isEmpty()) {
        if (factory.checkSearchSpace(NUMERIC).isEmpty()) {
          assertThat(factory.checkSearchSpace(NUMERIC_FINITE)).isEmpty();
          return new Fixture(NUMERIC, NUMERIC_FINITE, parameters -> parameters);
        }
        assertThat(factory.checkSearchSpace(BATCH))
            .as("a space %s accepts", factory.name())
            .isEmpty();
        return new Fixture(BATCH, BATCH, parameters -> Map.of("combine_params", parameters));
      }
      return new Fixture(MIXED, FINITE, parameters -> parameters);
    }

    /** A value of the finite space. */
    Map<String, Object> finiteValue() {
      if (finite.equals(BATCH)) {
        return Json.object("{'optimizer': 'Adam', 'learning_rate': 0.00001}");
      }
      return finite.equals(NUMERIC_FINITE)
          ? Json.object("{'batch': 32, 'layers': 2, 'dropout': 0.5}")
          : Json.object("{'opt': 'adam', 'layers': 2, 'dropout': 0.5}");
    }

    boolean inSpace(SearchSpace space, Map<String, Object> parameters) {
      return space.contains(asValue.apply(parameters));
    }
  }

  static Stream<Named<TunerFactory>> tuners() {
    return TunerCatalog.builtIn().all().stream().map(factory -> Named.of(factory.name(), factory));
  }

  private static Tuner create(TunerFactory factory, SearchSpace space, Map<String, ?> args) {
    return factory.create(space, TunerArgs.bind(factory.arguments(), args, 1234));
  }

  private static Tuner create(TunerFactory factory, SearchSpace space) {
    return create(factory, space, Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void suggestsOnlyValuesOfTheSpaceAndNeverMoreThanAskedFor(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    Tuner tuner = create(factory, fixture.mixed());
    List<TrialRecord> history = List.of();

    for (int round = 0; round < 12; round++) {
      int count = 1 + round % 4;
      Suggestions suggestions = tuner.suggest(history, count);
      assertThat(suggestions.parameters()).hasSizeLessThanOrEqualTo(count);
      assertThat(suggestions.parameters()).allMatch(p -> fixture.inSpace(fixture.mixed(), p));
      history = Trials.submit(history, suggestions);
    }
    assertThat(history).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void theSameSeedAndHistoryGiveTheSameSuggestions(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    Map<String, Object> args = seedArgs(factory, 99);
    Tuner first = create(factory, fixture.mixed(), args);
    Tuner second = create(factory, fixture.mixed(), args);
    List<TrialRecord> history = List.of();

    for (int round = 0; round < 8; round++) {
      Suggestions suggestions = first.suggest(history, 2);
      assertThat(second.suggest(history, 2)).isEqualTo(suggestions);
      history = Trials.submit(history, suggestions);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void aTunerRebuiltFromTheHistoryContinuesIdentically(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    for (SearchSpace space : List.of(fixture.mixed(), fixture.finite())) {
      Tuner running = create(factory, space);
      List<TrialRecord> history = List.of();
      for (int round = 0; round < 10; round++) {
        int count = 1 + round % 3;
        Suggestions rebuilt = create(factory, space).suggest(history, count);
        Suggestions suggestions = running.suggest(history, count);
        assertThat(suggestions).as("round %d", round).isEqualTo(rebuilt);
        history = Trials.submit(history, suggestions);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void answersTheSameHistoryTheSameWayEvenIfItsLastProposalsWereNotSubmitted(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    Tuner tuner = create(factory, fixture.finite());
    List<TrialRecord> history = Trials.submit(List.of(), tuner.suggest(List.of(), 2));

    Suggestions dropped = tuner.suggest(history, 3);
    Suggestions again = tuner.suggest(history, 3);

    assertThat(again)
        .isEqualTo(dropped)
        .isEqualTo(create(factory, fixture.finite()).suggest(history, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void neverRepeatsTheHistoryWhileUnseenPointsRemainThenIsExhausted(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    SearchSpace space = fixture.finite();
    long size = factory.name().equals("Batch") ? 6 : space.size().orElseThrow();
    Tuner tuner = create(factory, space);
    List<TrialRecord> history = List.of();
    Set<String> seen = new HashSet<>();
    boolean exhausted = false;

    for (int round = 0; round < 3 * size && !exhausted; round++) {
      Suggestions suggestions = tuner.suggest(history, 1 + round % 3);
      for (Map<String, Object> parameters : suggestions.parameters()) {
        assertThat(seen.add(SearchSpace.canonicalKey(parameters)))
            .as("%s repeated after %d trials", parameters, history.size())
            .isTrue();
      }
      exhausted = suggestions.exhausted();
      history = Trials.submit(history, suggestions);
    }

    assertThat(exhausted).isTrue();
    assertThat(seen).hasSize((int) size);
    assertThat(tuner.suggest(history, 2)).isEqualTo(Suggestions.exhausted(List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void toleratesForeignHistory(TunerFactory factory) {
    Fixture fixture = Fixture.of(factory);
    Map<String, Object> inSpace = fixture.finiteValue();
    List<TrialRecord> history =
        List.of(
            Trials.succeeded(0, Json.object("{'unknown': 1, 'nested': {'_name': 'x'}}")),
            Trials.succeeded(1, Map.of()),
            new TrialRecord(
                2,
                Json.object("{'opt': 'lbfgs', 'layers': 9.5}"),
                TrialRecord.State.ENDED_EARLY,
                OptionalDouble.empty()),
            Trials.pending(3, inSpace),
            new TrialRecord(
                7, inSpace, TrialRecord.State.SUCCEEDED, OptionalDouble.of(Double.MAX_VALUE)));
    Tuner tuner = create(factory, fixture.finite());

    Suggestions suggestions = tuner.suggest(history, 4);

    assertThat(suggestions.parameters()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    assertThat(suggestions.parameters())
        .allMatch(p -> fixture.inSpace(fixture.finite(), p))
        .noneMatch(p -> SearchSpace.canonicalKey(p).equals(SearchSpace.canonicalKey(inSpace)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void handlesTheEmptySpaceByRejectingItOrProposingTheEmptySetOnce(TunerFactory factory) {
    SearchSpace empty = SearchSpace.parse(Map.of());
    if (!factory.checkSearchSpace(empty).isEmpty()) {
      assertThat(factory.checkSearchSpace(empty)).allMatch(problem -> !problem.message().isBlank());
      return;
    }
    Tuner tuner = create(factory, empty);

    Suggestions first = tuner.suggest(List.of(), 3);
    assertThat(first.parameters()).hasSizeLessThanOrEqualTo(1).allMatch(Map::isEmpty);
    List<TrialRecord> history = Trials.submit(List.of(), first);
    List<Map<String, Object>> later = new ArrayList<>(tuner.suggest(history, 3).parameters());
    if (first.parameters().isEmpty()) {
      assertThat(later).hasSizeLessThanOrEqualTo(1).allMatch(Map::isEmpty);
    } else {
      assertThat(later).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void acceptsOptimizeMode(TunerFactory factory) {
    for (String mode : List.of("maximize", "minimize", "Maximize")) {
      TunerArgs args = TunerArgs.bind(factory.arguments(), Map.of("optimize_mode", mode), 1);
      assertThat(args.optimizeMode().nniName()).isEqualTo(mode.toLowerCase(java.util.Locale.ROOT));
      assertThatCode(() -> factory.create(Fixture.of(factory).finite(), args))
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tuners")
  void describesItself(TunerFactory factory) {
    assertThat(factory.name()).isNotBlank();
    assertThat(factory.description()).isNotBlank();
    assertThat(factory.arguments()).allMatch(spec -> !spec.description().isBlank());
  }

  private static Map<String, Object> seedArgs(TunerFactory factory, long seed) {
    boolean takesSeed = factory.arguments().stream().anyMatch(spec -> spec.name().equals("seed"));
    return takesSeed ? Map.of("seed", seed) : Map.of();
  }
}
