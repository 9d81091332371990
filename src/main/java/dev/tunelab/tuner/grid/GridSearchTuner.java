package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NNI's grid search: every combination of choices and randint values, with numeric ranges explored
 * coarse to fine (see {@link Grid}); parameter sets already in the history, whoever proposed them,
 * are skipped. Deterministic; it ignores results.
 */
public final class GridSearchTuner implements Tuner {

  private final Deduplicator deduplicator;

  GridSearchTuner(SearchSpace space) {
    this.deduplicator = new Deduplicator(space);
  }

  /**
   * The next grid points not in {@code history}, in grid order. Exhausted as soon as the grid is
   * known to hold nothing more: with the last points of a finite space, or empty on later calls.
   */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    List<Map<String, Object>> proposals = new ArrayList<>();
    while (proposals.size() < count) {
      Optional<Map<String, Object>> next = deduplicator.proposeFromGrid();
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
    }
    return deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  /** Registers the tuner as {@code GridSearch}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "GridSearch";
    }

    @Override
    public List<String> aliases() {
      return List.of("GridSearchTuner", "Grid");
    }

    @Override
    public String description() {
      return "Tries every combination of choices; refines numeric ranges coarse to fine (midpoint,"
          + " quartiles, eighths...); deterministic";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE));
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new GridSearchTuner(space);
    }
  }
}
