package dev.tunelab.tuner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunelab.searchspace.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunerArgsTest {

  private static final List<ArgSpec> SPECS =
      List.of(
          ArgSpec.optimizeMode(OptimizeMode.MINIMIZE),
          ArgSpec.seed(),
          ArgSpec.bool("parallel_optimize", false, "whether to optimise in parallel"),
          ArgSpec.string(
              "constant_liar_type", "min", "how to fake running trials", "min", "max", "mean"),
          ArgSpec.object(
              "tpe_args",
              "advanced TPE settings",
              ArgSpec.integer("n_startup_jobs", 20L, "random trials before the model"),
              ArgSpec.number("gamma", 0.25, "the share of good trials")));

  private static List<FieldProblem> problems(Map<String, ?> given) {
    return catchThrowableOfType(
            InvalidTunerArgsException.class, () -> TunerArgs.bind(SPECS, given, 7))
        .problems();
  }

  @Test
  void fillsInDefaults() {
    TunerArgs args = TunerArgs.bind(SPECS, Map.of(), 7);

    assertThat(args.optimizeMode()).isEqualTo(OptimizeMode.MINIMIZE);
    assertThat(args.bool("parallel_optimize")).isFalse();
    assertThat(args.string("constant_liar_type")).isEqualTo("min");
    assertThat(args.object("tpe_args").integer("n_startup_jobs")).isEqualTo(20);
    assertThat(args.object("tpe_args").number("gamma")).isEqualTo(0.25);
    assertThat(args.has("seed")).isFalse();
  }

  @Test
  void usesTheFallbackSeedWhenTheUserGivesNone() {
    assertThat(TunerArgs.bind(SPECS, Map.of(), 7).seed()).isEqualTo(7);
    assertThat(TunerArgs.bind(List.of(), Map.of(), 8).seed()).isEqualTo(8);
  }

  @Test
  void usesTheGivenSeedEvenAsAnIntegralDouble() {
    assertThat(TunerArgs.bind(SPECS, Map.of("seed", 42), 7).seed()).isEqualTo(42);
    assertThat(TunerArgs.bind(SPECS, Map.of("seed", 42.0), 7).seed()).isEqualTo(42);
  }

  @Test
  void matchesStringChoicesIgnoringCase() {
    TunerArgs args =
        TunerArgs.bind(SPECS, Map.of("optimize_mode", "MAXIMIZE", "constant_liar_type", "Mean"), 7);

    assertThat(args.optimizeMode()).isEqualTo(OptimizeMode.MAXIMIZE);
    assertThat(args.string("constant_liar_type")).isEqualTo("mean");
  }

  @Test
  void rejectsUnknownArgumentsNamingTheAllowedOnes() {
    assertThat(problems(Map.of("sed", 1)))
        .containsExactly(
            new FieldProblem(
                "classArgs.sed",
                "is not an argument of this algorithm; it takes optimize_mode, seed, parallel_optimize,"
                    + " constant_liar_type, tpe_args"));
    assertThat(
            catchThrowableOfType(
                    InvalidTunerArgsException.class,
                    () -> TunerArgs.bind(List.of(), Map.of("seed", 1), 0))
                .problems())
        .extracting(FieldProblem::message)
        .containsExactly("is not an argument of this algorithm, which takes none");
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    assertThat(problems(Map.of("seed", "abc")))
        .containsExactly(new FieldProblem("classArgs.seed", "must be an integer, not 'abc'"));
    assertThat(problems(Map.of("seed", 1.5)))
        .extracting(FieldProblem::field)
        .containsExactly("classArgs.seed");
    assertThat(problems(Map.of("parallel_optimize", "yes")))
        .containsExactly(
            new FieldProblem("classArgs.parallel_optimize", "must be true or false, not 'yes'"));
    assertThat(problems(Map.of("optimize_mode", "up")))
        .containsExactly(
            new FieldProblem(
                "classArgs.optimize_mode", "must be one of maximize, minimize, not 'up'"));
  }

  @Test
  void bindsNestedObjectsAndReportsTheirProblemsWithPaths() {
    TunerArgs args = TunerArgs.bind(SPECS, Map.of("tpe_args", Map.of("gamma", 0.5)), 7);
    assertThat(args.object("tpe_args").number("gamma")).isEqualTo(0.5);
    assertThat(args.object("tpe_args").integer("n_startup_jobs")).isEqualTo(20);

    assertThat(problems(Map.of("tpe_args", Map.of("gama", 0.5, "n_startup_jobs", "ten"))))
        .extracting(FieldProblem::field)
        .containsExactly("classArgs.tpe_args.gama", "classArgs.tpe_args.n_startup_jobs");
    assertThat(problems(Map.of("tpe_args", 3)))
        .containsExactly(
            new FieldProblem("classArgs.tpe_args", "must be an object with gamma, n_startup_jobs"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(problems(Map.of("seed", "x", "optimize_mode", 1, "extra", true))).hasSize(3);
  }

  @Test
  void showsEffectiveValuesForTheStoredConfig() {
    assertThat(TunerArgs.bind(SPECS, Map.of("seed", 3), 7).asMap())
        .containsEntry("optimize_mode", "minimize")
        .containsEntry("seed", 3L)
        .containsKey("tpe_args");
  }
}
