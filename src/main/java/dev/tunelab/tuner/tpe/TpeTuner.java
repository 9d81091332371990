package dev.tunelab.tuner.tpe;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NNI's TPE ({@code nni/algorithms/hpo/tpe_tuner.py}): see {@link TpeSampler} for the model.
 *
 * <p>Every trial of the history with a value and parameters in the space is an observation,
 * imported ones included. Trials still waiting or running count with the constant liar's loss
 * (unless the liar is {@code null}), and so does every proposal of the same call for the ones after
 * it. Each proposal draws from {@code SeededRandom.forDraw(seed, n)}, n its position in the
 * history. A proposal that repeats the history is replaced by the first unseen point in grid order,
 * as NNI's deduplicator does; a finite space with no unseen point left is exhausted.
 */
public final class TpeTuner implements Tuner {

  private final FormattedSpace space;
  private final OptimizeMode mode;
  private final long seed;
  private final TpeArguments args;
  private final TpeSampler sampler;
  private final FormattedHistory formatted;
  private final Deduplicator deduplicator;

  TpeTuner(SearchSpace space, OptimizeMode mode, long seed, TpeArguments args) {
    this.space = new FormattedSpace(space);
    this.mode = mode;
    this.seed = seed;
    this.args = args;
    this.sampler = new TpeSampler(this.space, args);
    this.formatted = new FormattedHistory(this.space);
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} proposals; see the class comment. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    FormattedHistory.Observations seen = formatted.observe(history, mode);
    List<double[]> points = new ArrayList<>(seen.points());
    List<Double> losses = new ArrayList<>();
    for (double loss : seen.losses()) {
      losses.add(loss);
    }
    double lie = args.liar().lie(seen.losses());
    if (args.liar() != ConstantLiar.NONE) {
      seen.pending().forEach(point -> lie(points, losses, point, lie));
    }
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double[] lossArray = losses.stream().mapToDouble(Double::doubleValue).toArray();
      double[] point =
          sampler.suggest(points, lossArray, SeededRandom.forDraw(seed, history.size() + i));
      Map<String, Object> parameters = space.deformat(point);
      if (!deduplicator.propose(parameters)) {
        Optional<Map<String, Object>> fallback = deduplicator.proposeFromGrid();
        if (fallback.isEmpty()) {
          return Suggestions.exhausted(proposals);
        }
        parameters = fallback.get();
        point = space.format(parameters);
      }
      proposals.add(parameters);
      if (args.liar() != ConstantLiar.NONE) {
        lie(points, losses, point, lie);
      }
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  private static void lie(List<double[]> points, List<Double> losses, double[] point, double lie) {
    points.add(point);
    losses.add(lie);
  }

  /** Registers the tuner as {@code TPE}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "TPE";
    }

    @Override
    public List<String> aliases() {
      return List.of("TpeTuner");
    }

    @Override
    public String description() {
      return "Tree-structured Parzen Estimator: models good and bad trials per parameter and"
          + " proposes where good ones are likelier; a constant liar spreads concurrent trials";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MINIMIZE), ArgSpec.seed(), TpeArguments.spec());
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      TpeArguments tpe = TpeArguments.of(args.object(TpeArguments.NAME));
      return new TpeTuner(space, args.optimizeMode(), args.seed(), tpe);
    }
  }
}
