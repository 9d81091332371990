package dev.tunelab.tuner.evolution;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import dev.tunelab.tuner.formatting.FormattedHistory;
import dev.tunelab.tuner.formatting.FormattedSpace;
import dev.tunelab.tuner.grid.Deduplicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * NNI's naive evolution ({@code nni/algorithms/hpo/evolution_tuner.py}); see {@link Population}.
 * The first {@code population_size} proposals are random; each later one is the winner of a
 * tournament with one active parameter drawn anew (a nested choice that changes option draws its
 * new sub-parameters too). While {@code population_size} trials are waiting or running it proposes
 * nothing, without being exhausted, as NNI defers. Imported results join the population. A proposal
 * that repeats the history is mutated again, up to 16 times, then replaced by the first unseen
 * point in grid order; a finite space with no unseen point left is exhausted.
 */
public final class EvolutionTuner implements Tuner {

  static final int ATTEMPTS = 16;

  private final FormattedSpace space;
  private final OptimizeMode mode;
  private final long seed;
  private final int populationSize;
  private final Deduplicator deduplicator;
  private final FormattedHistory formatted;

  EvolutionTuner(SearchSpace space, OptimizeMode mode, long seed, int populationSize) {
    this.space = new FormattedSpace(space);
    this.mode = mode;
    this.seed = seed;
    this.populationSize = populationSize;
    this.deduplicator = new Deduplicator(space);
    this.formatted = new FormattedHistory(this.space);
  }

  /** Up to {@code count} proposals, fewer while the population is busy; see the class comment. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    List<double[]> points = formatted.points(history);
    double[] losses = new double[history.size()];
    long running = 0;
    for (int i = 0; i < history.size(); i++) {
      TrialRecord record = history.get(i);
      losses[i] = record.value().isPresent() ? mode.loss(record.value().getAsDouble()) : Double.NaN;
      running += record.state() == TrialRecord.State.PENDING ? 1 : 0;
    }
    Population population = Population.replay(populationSize, history, points, losses, seed);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count && running + i < populationSize; i++) {
      RandomGenerator rng = SeededRandom.forDraw(seed, history.size() + i);
      Optional<Map<String, Object>> next = propose(population, rng);
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  private Optional<Map<String, Object>> propose(Population population, RandomGenerator rng) {
    boolean random = population.takeRandom() || population.members().isEmpty();
    double[] parent = random ? null : Population.select(population.members(), rng).point();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double[] point = random ? space.sample(rng) : mutate(parent, rng);
      Map<String, Object> parameters = space.deformat(point);
      if (deduplicator.propose(parameters)) {
        return Optional.of(parameters);
      }
    }
    return deduplicator.proposeFromGrid();
  }

  // Draws one active parameter anew; parameters of options no longer chosen are dropped and those
  // of a newly chosen option drawn.
  private double[] mutate(double[] parent, RandomGenerator rng) {
    double[] child = parent.clone();
    List<Integer> active = new ArrayList<>();
    for (int index = 0; index < child.length; index++) {
      if (!Double.isNaN(child[index])) {
        active.add(index);
      }
    }
    if (active.isEmpty()) {
      return child;
    }
    int mutated = active.get(rng.nextInt(active.size()));
    child[mutated] = space.parameter(mutated).sample(rng);
    for (int index = mutated + 1; index < child.length; index++) {
      if (!space.isActive(index, child)) {
        child[index] = Double.NaN;
      } else if (Double.isNaN(child[index])) {
        child[index] = space.parameter(index).sample(rng);
      }
    }
    return child;
  }

  /** Registers the tuner as {@code Evolution}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "Evolution";
    }

    @Override
    public List<String> aliases() {
      return List.of("EvolutionTuner");
    }

    @Override
    public String description() {
      return "Naive evolution: a random population, then tournaments of two whose winner is copied"
          + " with one parameter mutated";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE),
          ArgSpec.integer("population_size", 32L, "individuals in the population, 1 to 99999"),
          ArgSpec.seed());
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      long size = args.integer("population_size");
      if (size < 1 || size > 99_999) {
        throw new InvalidTunerArgsException(
            List.of(
                new FieldProblem(
                    "classArgs.population_size", "must be an integer from 1 to 99999")));
      }
      return new EvolutionTuner(space, args.optimizeMode(), args.seed(), (int) size);
    }
  }
}
