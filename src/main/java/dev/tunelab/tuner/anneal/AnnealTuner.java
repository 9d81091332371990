package dev.tunelab.tuner.anneal;

import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.ArgSpec;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * NNI's {@code Anneal} ({@code hyperopt_tuner.py} with hyperopt's {@code anneal.suggest}); see
 * {@link AnnealSampler}. Completed trials with a value in the space, imported ones included, are
 * the observations. With {@code parallel_optimize}, once more than 20 trials were proposed, trials
 * still running count as completed with a made-up value: the minimum, maximum or mean of the values
 * so far ({@code constant_liar_type} min, max, mean; of the raw metric, as NNI does). A proposal
 * that repeats the history is replaced by a random one, as NNI does, then by the first unseen point
 * in grid order; a finite space with no unseen point left is exhausted.
 */
public final class AnnealTuner implements Tuner {

  private final FormattedSpace space;
  private final OptimizeMode mode;
  private final long seed;
  private final String liar;
  private final AnnealSampler sampler;
  private final FormattedHistory formatted;
  private final Deduplicator deduplicator;

  AnnealTuner(SearchSpace space, OptimizeMode mode, long seed, String liar) {
    this.space = new FormattedSpace(space);
    this.mode = mode;
    this.seed = seed;
    this.liar = liar;
    this.sampler = new AnnealSampler(this.space);
    this.formatted = new FormattedHistory(this.space);
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} proposals; see the class comment. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    FormattedHistory.Observations seen = formatted.observe(history, mode);
    List<double[]> points = new ArrayList<>(seen.points());
    double[] losses = Arrays.copyOf(seen.losses(), seen.losses().length + count);
    boolean lying = liar != null && history.size() > 20 && seen.losses().length > 0;
    double lie = lying ? lie(seen.losses()) : Double.NaN;
    if (lying) {
      losses = Arrays.copyOf(seen.losses(), seen.losses().length + seen.pending().size() + count);
      for (double[] pending : seen.pending()) {
        losses[points.size()] = lie;
        points.add(pending);
      }
    }
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RandomGenerator rng = SeededRandom.forDraw(seed, history.size() + i);
      double[] observed = Arrays.copyOf(losses, points.size());
      Map<String, Object> parameters = space.deformat(sampler.suggest(points, observed, rng));
      if (!deduplicator.propose(parameters)) {
        parameters = space.space().sample(rng);
        if (!deduplicator.propose(parameters)) {
          Optional<Map<String, Object>> fallback = deduplicator.proposeFromGrid();
          if (fallback.isEmpty()) {
            return Suggestions.exhausted(proposals);
          }
          parameters = fallback.get();
        }
      }
      proposals.add(parameters);
      if (lying) {
        losses[points.size()] = lie;
        points.add(space.format(parameters));
      }
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  // NNI tracks the raw metric: "min" is the worst trial when maximising.
  private double lie(double[] losses) {
    double[] values = Arrays.stream(losses).map(mode::loss).toArray();
    double value =
        switch (liar) {
          case "min" -> Arrays.stream(values).min().orElseThrow();
          case "max" -> Arrays.stream(values).max().orElseThrow();
          default -> Arrays.stream(values).average().orElseThrow();
        };
    return mode.loss(value);
  }

  /** Registers the tuner as {@code Anneal}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "Anneal";
    }

    @Override
    public List<String> aliases() {
      return List.of("AnnealTuner");
    }

    @Override
    public String description() {
      return "Simulated annealing: random search drawing ever closer to one of the best trials";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MINIMIZE),
          ArgSpec.seed(),
          ArgSpec.bool(
              "parallel_optimize", false, "pretend running trials have a value (after 20 trials)"),
          ArgSpec.string(
              "constant_liar_type",
              "min",
              "the value pretended with parallel_optimize: of the values so far",
              "min",
              "max",
              "mean"));
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      String liar = args.bool("parallel_optimize") ? args.string("constant_liar_type") : null;
      return new AnnealTuner(space, args.optimizeMode(), args.seed(), liar);
    }
  }
}
