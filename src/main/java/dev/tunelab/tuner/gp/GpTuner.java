package dev.tunelab.tuner.gp;

import dev.tunelab.searchspace.FieldProblem;
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
import dev.tunelab.tuner.unitcube.UnitDimension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * NNI's GP tuner: Bayesian optimisation with a Gaussian-process model of the loss.
 *
 * <p>Until {@code cold_start_num} trials have finished with a value, it proposes random points.
 * Then each call fits a GP ({@link Surrogate}) to the finished trials, which takes the running ones
 * into account as kriging believers, and proposes the points that maximise the utility ({@link
 * AcquisitionSearch}); each proposal of a batch is believed before the next is sought. A proposal
 * that repeats the history or the batch gives way to the next best candidate, then to random draws,
 * then to NNI's grid order; a finite space with no unseen point left is exhausted.
 *
 * <p>The n-th suggestion of an experiment draws from {@code SeededRandom.forDraw(seed, n)}, and
 * hyper-parameter fits depend only on their data and the seed, so a tuner rebuilt from the history
 * proposes what the lost one would have.
 */
public final class GpTuner implements Tuner {

  static final int RANDOM_ATTEMPTS = 16;

  private final SearchSpace space;
  private final GpSettings settings;
  private final UnitCube cube;
  private final Deduplicator deduplicator;
  private final FitCache fitCache = new FitCache();

  GpTuner(SearchSpace space, GpSettings settings) {
    this.space = space;
    this.settings = settings;
    this.cube =
        new UnitCube(
            space.parameters().stream().map(p -> UnitDimension.of(p).orElseThrow()).toList());
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} parameter sets; see the class comment. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    Observations observations = Observations.from(history, space, cube, settings.mode());
    Surrogate surrogate = observations.size() >= settings.coldStart() ? fit(observations) : null;
    List<double[]> incumbents = incumbents(observations);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RandomGenerator rng = SeededRandom.forDraw(settings.seed(), history.size() + i);
      Optional<Map<String, Object>> next =
          surrogate == null ? Optional.empty() : fromModel(surrogate, incumbents, rng);
      if (next.isEmpty()) {
        next = atRandom(rng);
      }
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
      if (surrogate != null && i + 1 < count) {
        Surrogate current = surrogate;
        surrogate = cube.encode(next.get()).map(current::believing).orElse(current);
      }
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  // Finite losses in the unit cube always factorise; should rounding defeat every jitter, random
  // search goes on rather than the experiment failing.
  private Surrogate fit(Observations observations) {
    try {
      return Surrogate.fit(observations, settings, fitCache);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private Optional<Map<String, Object>> fromModel(
      Surrogate surrogate, List<double[]> incumbents, RandomGenerator rng) {
    for (AcquisitionSearch.Candidate candidate :
        AcquisitionSearch.rank(surrogate, cube, incumbents, settings, rng)) {
      Map<String, Object> parameters = cube.decode(candidate.point());
      if (deduplicator.propose(parameters)) {
        return Optional.of(parameters);
      }
    }
    return Optional.empty();
  }

  private Optional<Map<String, Object>> atRandom(RandomGenerator rng) {
    for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
      Map<String, Object> candidate = space.sample(rng);
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return deduplicator.proposeFromGrid();
  }

  private static List<double[]> incumbents(Observations observations) {
    return IntStream.range(0, observations.size())
        .boxed()
        .sorted(Comparator.comparingDouble(i -> observations.losses()[i]))
        .limit(AcquisitionSearch.INCUMBENTS)
        .map(i -> observations.points().get(i))
        .toList();
  }

  /** Registers the tuner as {@code GP} with NNI's {@code classArgs} and defaults. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "GP";
    }

    @Override
    public List<String> aliases() {
      return List.of("GPTuner");
    }

    @Override
    public String description() {
      return "Bayesian optimisation with a Gaussian-process model (Matern kernel, fitted length"
          + " scales) and expected improvement; numeric parameters only";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE),
          ArgSpec.string(
              "utility",
              "ei",
              "acquisition function: expected improvement, UCB or PoI",
              "ei",
              "ucb",
              "poi"),
          ArgSpec.number("kappa", 5.0, "exploration weight of ucb; higher explores more"),
          ArgSpec.number("xi", 0.0, "improvement margin of ei and poi, in metric units"),
          ArgSpec.number(
              "nu",
              2.5,
              "Matern smoothness: 0.5, 1.5 or 2.5; above 10 (or .inf) gives the RBF kernel"),
          ArgSpec.number("alpha", 1e-6, "smallest noise variance, relative to the metric's"),
          ArgSpec.integer(
              "cold_start_num", 10L, "finished trials of random search before the GP is used"),
          ArgSpec.integer(
              "selection_num_warm_up",
              100_000L,
              "random points scored per proposal (Tunelab uses at most "
                  + GpSettings.MAX_WARM_UP
                  + ")"),
          ArgSpec.integer(
              "selection_num_starting_points",
              250L,
              "local searches per proposal from the best points (Tunelab runs at most "
                  + GpSettings.MAX_STARTING_POINTS
                  + ", plus one from each of the best three trials)"),
          ArgSpec.seed());
    }

    @Override
    public List<FieldProblem> checkSearchSpace(SearchSpace space) {
      return GpSpace.problems(space);
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new GpTuner(space, GpSettings.of(args));
    }
  }
}
