package dev.tunelab.assessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunelab.assessor.Assessor.Verdict;
import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every assessor in the catalog must do, whatever its algorithm. Curves are accuracies (higher
 * is better), which every built-in assessor handles with its default arguments.
 */
class AssessorContractTest {

  private static final int EPOCHS = 20;

  static Stream<Named<AssessorFactory>> assessors() {
    return AssessorCatalog.builtIn().all().stream()
        .map(factory -> Named.of(factory.name(), factory));
  }

  private static Assessor create(AssessorFactory factory) {
    return factory.create(TunerArgs.bind(factory.arguments(), Map.of(), 1234));
  }

  /** One trial's run: its curve, ended after a BAD verdict or after its last epoch. */
  private record Run(int sequenceId, List<Double> curve, List<Verdict> verdicts) {

    boolean stopped() {
      return verdicts.contains(Verdict.BAD);
    }

    List<Double> reported() {
      return curve.subList(0, verdicts.size());
    }
  }

  /** Assesses every prefix of {@code curve} until a BAD verdict, then ends the trial. */
  private static Run run(Assessor assessor, int sequenceId, List<Double> curve) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int step = 1; step <= curve.size(); step++) {
      Verdict verdict = assessor.assess(sequenceId, curve.subList(0, step));
      verdicts.add(verdict);
      if (verdict == Verdict.BAD) {
        break;
      }
    }
    Run run = new Run(sequenceId, curve, verdicts);
    assessor.trialEnded(sequenceId, run.reported(), !run.stopped());
    return run;
  }

  private static List<Double> curve(double level, long seed) {
    return Curves.saturating(level, EPOCHS, seed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void neverStopsATrialWhileNoTrialHasSucceeded(AssessorFactory factory) {
    Assessor assessor = create(factory);
    assessor.trialEnded(0, curve(0.9, 1), false);
    assessor.trialEnded(1, List.of(), true);

    for (double level : List.of(0.01, 0.5, 0.9)) {
      assertThat(run(assessor, 2, curve(level, 2)).verdicts()).containsOnly(Verdict.GOOD);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void stopsAClearlyWorseTrialButNotAClearlyBetterOne(AssessorFactory factory) {
    Assessor assessor = create(factory);
    for (int sequenceId = 0; sequenceId < 5; sequenceId++) {
      assessor.trialEnded(sequenceId, curve(0.8, sequenceId), true);
    }

    assertThat(run(assessor, 5, curve(0.3, 5)).stopped()).as("a worse trial").isTrue();
    assertThat(run(assessor, 6, curve(0.95, 6)).stopped()).as("a better trial").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void givesTheSameVerdictsForTheSameCalls(AssessorFactory factory) {
    assertThat(experiment(create(factory))).isEqualTo(experiment(create(factory)));
  }

  private static List<List<Verdict>> experiment(Assessor assessor) {
    List<List<Verdict>> verdicts = new ArrayList<>();
    double[] levels = {0.8, 0.5, 0.9, 0.3, 0.85, 0.2, 0.95, 0.4};
    for (int sequenceId = 0; sequenceId < levels.length; sequenceId++) {
      verdicts.add(run(assessor, sequenceId, curve(levels[sequenceId], sequenceId)).verdicts());
    }
    return verdicts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void anAssessorRebuiltFromTheEndedTrialsGivesTheSameVerdicts(AssessorFactory factory) {
    Assessor running = create(factory);
    List<Run> ended = new ArrayList<>();
    double[] levels = {0.8, 0.5, 0.9, 0.3};
    for (int sequenceId = 0; sequenceId < levels.length; sequenceId++) {
      ended.add(run(running, sequenceId, curve(levels[sequenceId], sequenceId)));
    }
    List<Double> stillRunning = curve(0.6, 4);
    for (int step = 1; step <= 8; step++) {
      running.assess(4, stillRunning.subList(0, step));
    }

    Assessor rebuilt = create(factory);
    ended.forEach(run -> rebuilt.trialEnded(run.sequenceId(), run.reported(), !run.stopped()));

    for (int step = 9; step <= EPOCHS; step++) {
      List<Double> reported = stillRunning.subList(0, step);
      assertThat(rebuilt.assess(4, reported))
          .as("step %d", step)
          .isEqualTo(running.assess(4, reported));
    }
    running.trialEnded(4, stillRunning, true);
    rebuilt.trialEnded(4, stillRunning, true);
    for (int sequenceId = 5; sequenceId < 8; sequenceId++) {
      List<Double> curve = curve(0.2 + 0.1 * sequenceId, sequenceId);
      assertThat(run(rebuilt, sequenceId, curve)).isEqualTo(run(running, sequenceId, curve));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void toleratesNonFiniteResultsEverywhere(AssessorFactory factory) {
    Assessor assessor = create(factory);
    List<Double> odd = new ArrayList<>(curve(0.8, 1));
    odd.set(0, Double.NaN);
    odd.set(5, Double.POSITIVE_INFINITY);
    odd.set(EPOCHS - 1, Double.NaN);
    List<Double> nothing = new ArrayList<>();
    for (int step = 0; step < EPOCHS; step++) {
      nothing.add(step % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY);
    }

    assertThatCode(
            () -> {
              assessor.trialEnded(0, odd, true);
              assessor.trialEnded(1, nothing, true);
              assessor.trialEnded(2, curve(0.8, 2), true);
              run(assessor, 3, odd);
              run(assessor, 4, curve(0.3, 4));
            })
        .doesNotThrowAnyException();
    assertThat(run(assessor, 5, nothing).verdicts())
        .as("a trial without a single number gives no reason to stop it")
        .containsOnly(Verdict.GOOD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void theCatalogFindsItByNameAndAliasIgnoringCase(AssessorFactory factory) {
    AssessorCatalog catalog = AssessorCatalog.builtIn();
    List<String> names = new ArrayList<>(factory.aliases());
    names.add(factory.name());
    for (String name : names) {
      for (String spelling :
          List.of(name, name.toLowerCase(Locale.ROOT), " " + name.toUpperCase(Locale.ROOT))) {
        assertThat(catalog.find(spelling))
            .as(spelling)
            .hasValueSatisfying(found -> assertThat(found.name()).isEqualTo(factory.name()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void bindsItsDefaultsAndRejectsUnknownArguments(AssessorFactory factory) {
    TunerArgs defaults = TunerArgs.bind(factory.arguments(), Map.of(), 1);
    for (ArgSpec spec : factory.arguments()) {
      assertThat(defaults.asMap()).containsEntry(spec.name(), spec.defaultValue());
    }
    assertThatCode(() -> factory.create(defaults)).doesNotThrowAnyException();

    InvalidTunerArgsException rejected =
        catchThrowableOfType(
            InvalidTunerArgsException.class,
            () -> TunerArgs.bind(factory.arguments(), Map.of("patience", 3), 1));
    assertThat(rejected.problems()).extracting(FieldProblem::field).contains("classArgs.patience");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessors")
  void describesItself(AssessorFactory factory) {
    assertThat(factory.name()).isNotBlank();
    assertThat(factory.description()).isNotBlank();
    assertThat(factory.arguments()).allMatch(spec -> !spec.description().isBlank());
  }
}
