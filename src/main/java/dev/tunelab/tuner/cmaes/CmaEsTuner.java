package dev.tunelab.tuner.cmaes;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import dev.tunelab.tuner.grid.Deduplicator;
import dev.tunelab.tuner.unitcube.UnitCube;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * CMA-ES, as Optuna's CmaEsSampler, rebuilt from the history on every call: the finished trials
 * that reported a value, in submission order, form generations of {@code population_size}; the
 * state after the last complete generation proposes the next points. Running trials do not count
 * until they finish. Numeric parameters live in the unit cube (mean starts at its centre, step size
 * {@code sigma0}); choices are drawn at random ({@link CmaSpace}). Points outside the cube are
 * redrawn, then clipped. A proposal that repeats the history or the batch is redrawn, then replaced
 * by a random one, then by NNI's grid order; a finite space with nothing unseen left is exhausted.
 */
public final class CmaEsTuner implements Tuner {

  static final int ATTEMPTS = 16;
  private static final int BOUNDED_DRAWS = 100;

  private final SearchSpace space;
  private final UnitCube cube;
  private final CmaParameters parameters;
  private final double sigma0;
  private final int startupTrials;
  private final OptimizeMode mode;
  private final long seed;
  private final Deduplicator deduplicator;

  CmaEsTuner(SearchSpace space, TunerArgs args) {
    this.space = space;
    this.cube = CmaSpace.cube(space);
    int n = Math.max(1, cube.size());
    long lambda =
        args.has("population_size")
            ? args.integer("population_size")
            : CmaParameters.defaultLambda(n);
    this.parameters = CmaParameters.of(n, (int) Math.max(2, Math.min(lambda, 10_000)));
    double sigma = args.number("sigma0");
    this.sigma0 = Double.isFinite(sigma) && sigma > 0 ? sigma : 1.0 / 6;
    this.startupTrials = (int) Math.max(0, Math.min(args.integer("n_startup_trials"), 1 << 30));
    this.mode = args.optimizeMode();
    this.seed = args.seed();
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} parameter sets; see the class comment. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    CmaState state = replay(history);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RandomGenerator rng = SeededRandom.forDraw(seed, history.size() + i);
      Optional<Map<String, Object>> next = state == null ? Optional.empty() : draw(state, rng);
      if (next.isEmpty()) {
        next = atRandom(rng);
      }
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  /** The state after every complete generation; null while random search runs instead. */
  CmaState replay(List<TrialRecord> history) {
    List<double[]> points = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    for (TrialRecord trial : history) {
      if (trial.finished() && trial.value().isPresent() && space.contains(trial.parameters())) {
        cube.encode(trial.parameters())
            .ifPresent(
                point -> {
                  points.add(point);
                  losses.add(mode.loss(trial.value().getAsDouble()));
                });
      }
    }
    if (cube.size() == 0 || points.size() < startupTrials) {
      return null;
    }
    double[] centre = new double[cube.size()];
    Arrays.fill(centre, 0.5);
    CmaState state = CmaState.initial(parameters, centre, sigma0);
    int lambda = parameters.lambda();
    for (int start = 0; start + lambda <= points.size(); start += lambda) {
      double[] generation = new double[lambda];
      for (int k = 0; k < lambda; k++) {
        generation[k] = losses.get(start + k);
      }
      state = state.tell(points.subList(start, start + lambda), generation);
    }
    return state;
  }

  private Optional<Map<String, Object>> draw(CmaState state, RandomGenerator rng) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double[] x = state.sample(rng);
      for (int redraw = 1; redraw < BOUNDED_DRAWS && !inCube(x); redraw++) {
        x = state.sample(rng);
      }
      Map<String, Object> numbers = cube.decode(x);
      Map<String, Object> candidate = new LinkedHashMap<>();
      for (Parameter parameter : space.parameters()) {
        candidate.put(
            parameter.name(),
            numbers.containsKey(parameter.name())
                ? numbers.get(parameter.name())
                : parameter.sample(rng));
      }
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private Optional<Map<String, Object>> atRandom(RandomGenerator rng) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, Object> candidate = space.sample(rng);
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return deduplicator.proposeFromGrid();
  }

  private static boolean inCube(double[] x) {
    for (double v : x) {
      if (!(v >= 0 && v <= 1)) {
        return false;
      }
    }
    return true;
  }

  /** Registers the tuner as {@code CMAES}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "CMAES";
    }

    /** {@code CmaEs} needs no alias: names match case-insensitively. */
    @Override
    public List<String> aliases() {
      return List.of("CMA-ES", "CmaEsTuner");
    }

    @Override
    public String description() {
      return "Covariance matrix adaptation evolution strategy (as Optuna's CmaEsSampler) for"
          + " numeric parameters; choices are drawn at random";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE),
          ArgSpec.seed(),
          ArgSpec.number(
              "sigma0", 1.0 / 6, "initial step size, in a space where every range spans 1"),
          ArgSpec.integer(
              "population_size", null, "points per generation; default 4 + floor(3 ln n)"),
          ArgSpec.integer(
              "n_startup_trials", 0L, "finished trials of random search before CMA-ES starts"));
    }

    @Override
    public List<FieldProblem> checkSearchSpace(SearchSpace space) {
      return CmaSpace.problems(space);
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new CmaEsTuner(space, args);
    }
  }
}
