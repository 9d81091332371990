package dev.tunelab.tuner.smac;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * SMAC (SMAC3's hyper-parameter optimisation facade): a random-forest surrogate of log-scaled
 * losses, expected improvement maximised by local and random search, a Sobol initial design and
 * random configurations interleaved with probability {@link #RANDOM_PROBABILITY}.
 *
 * <p>The n-th proposal of an experiment draws from {@code SeededRandom.forDraw(seed, n)} and sees
 * the proposals before it in the same call as running trials, so batching does not change what is
 * proposed, and a tuner rebuilt from the history proposes the same. It never proposes a parameter
 * set of the history or of the same call: when the model and a few random draws give only seen
 * ones, it takes the first unseen one in NNI's grid order, and a finite space with none left is
 * exhausted. So NNI's {@code config_dedup} is accepted but changes nothing: SMAC3's own config
 * selector skips tried configurations too, and repeats were a common complaint about NNI's SMAC.
 */
public final class SmacTuner implements Tuner {

  /** SMAC3's HPO facade interleaves a random configuration with this probability. */
  static final double RANDOM_PROBABILITY = 0.2;

  /** Random draws tried before falling back to grid order when they keep repeating the history. */
  static final int RANDOM_ATTEMPTS = 16;

  private final SearchSpace space;
  private final OptimizeMode mode;
  private final long seed;
  private final Encoding encoding;
  private final InitialDesign design;
  private final Deduplicator deduplicator;

  SmacTuner(SearchSpace space, TunerArgs args) {
    this.space = space;
    this.mode = args.optimizeMode();
    this.seed = args.seed();
    this.encoding = new Encoding(space);
    this.design = new InitialDesign(encoding, seed);
    this.deduplicator = new Deduplicator(space);
  }

  /** Up to {@code count} unseen parameter sets; see the class comment for exhaustion. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    deduplicator.startBatch(history);
    Observations observations = Observations.of(encoding, history, mode);
    List<Map<String, Object>> proposals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RandomGenerator rng = SeededRandom.forDraw(seed, history.size() + i);
      Optional<Map<String, Object>> next = propose(observations, rng);
      if (next.isEmpty()) {
        return Suggestions.exhausted(proposals);
      }
      proposals.add(next.get());
      encoding.encode(next.get()).ifPresent(observations::addPending);
    }
    return space.isFinite() && deduplicator.gridExhausted()
        ? Suggestions.exhausted(proposals)
        : Suggestions.of(proposals);
  }

  private Optional<Map<String, Object>> propose(Observations observations, RandomGenerator rng) {
    boolean interleaveRandom = rng.nextDouble() < RANDOM_PROBABILITY;
    if (encoding.dimensions() > 0 && observations.size() < InitialDesign.SIZE) {
      Map<String, Object> point = encoding.decode(design.point(observations.size(), rng));
      if (deduplicator.propose(point)) {
        return Optional.of(point);
      }
    } else if (encoding.dimensions() > 0 && !interleaveRandom) {
      Optional<Map<String, Object>> modelled = fromModel(observations, rng);
      if (modelled.isPresent()) {
        return modelled;
      }
    }
    return randomDraw(rng);
  }

  private Optional<Map<String, Object>> fromModel(Observations observations, RandomGenerator rng) {
    Optional<Observations.TrainingData> data = observations.trainingData(encoding.categories());
    if (data.isEmpty()) {
      return Optional.empty();
    }
    RandomForest forest = RandomForest.fit(data.get().forest(), rng);
    AcquisitionSearch search = new AcquisitionSearch(encoding, forest, data.get().bestLog());
    for (double[] x : search.ranked(data.get().observed(), observations.running(), rng)) {
      Map<String, Object> candidate = encoding.decode(x);
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private Optional<Map<String, Object>> randomDraw(RandomGenerator rng) {
    for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
      Map<String, Object> candidate = space.sample(rng);
      if (deduplicator.propose(candidate)) {
        return Optional.of(candidate);
      }
    }
    return deduplicator.proposeFromGrid();
  }

  /** Registers the tuner as {@code SMAC}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "SMAC";
    }

    @Override
    public List<String> aliases() {
      return List.of("SMACTuner");
    }

    @Override
    public String description() {
      return "Sequential model-based optimisation with a random-forest surrogate and expected"
          + " improvement (SMAC3's HPO facade); choice, randint, uniform, quniform, loguniform";
    }

    @Override
    public List<ArgSpec> arguments() {
      return List.of(
          ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE),
          ArgSpec.bool(
              "config_dedup",
              false,
              "never propose a parameter set already tried; Tunelab's SMAC never does, whatever"
                  + " the value (kept for NNI configurations)"),
          ArgSpec.seed());
    }

    @Override
    public List<FieldProblem> checkSearchSpace(SearchSpace space) {
      return SmacSpace.problems(space);
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new SmacTuner(space, args);
    }
  }
}
