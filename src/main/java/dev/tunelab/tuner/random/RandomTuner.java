package dev.tunelab.tuner.random;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * NNI's random search: every parameter drawn from its prior ({@link SearchSpace#sample}). The n-th
 * suggestion of an experiment draws from {@code SeededRandom.forDraw(seed, n)}. A draw that repeats
 * the history or the batch is redrawn a few times, then replaced by the first unseen point in grid
 * order, as NNI's deduplicator does; a finite space that has no unseen point left is exhausted.
 */
public final class RandomTuner implements Tuner {

  static final int ATTEMPTS = 16;

  private final SearchSpace space;
  private final long seed;
  private final Deduplicator deduplicator;

  RandomTuner(SearchSpace space, long seed) {
    this.space = space;
    this.seed = seed;
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} fresh random parameter sets; see the class comment for exhaustion. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Optional<Map<String, Object>> next = draw(SeededRandom.forDraw(seed, history.size() + i));
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  private Optional<Map<String, Object>> draw(RandomGenerator rng) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, Object> candidate = space.sample(rng);
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return deduplicator.proposeFromGrid();
  }

  /** Registers the tuner as {@code Random}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "Random";
    }

    @Override
    public List<String> aliases() {
      return List.of("RandomTuner");
    }

    @Override
    public String description() {
      return "Draws every parameter at random from its distribution, without repeating a"
          + " parameter set while unseen ones remain";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE), ArgSpec.seed());
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new RandomTuner(space, args.seed());
    }
  }
}
