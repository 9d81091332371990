package dev.tunelab.tuner.batch;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.ArgSpec;
import dev.tunelab.tuner.OptimizeMode;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NNI's batch tuner: the space is one choice, conventionally {@code combine_params}, whose options
 * are whole parameter sets; each is proposed once, in order, and is the trial's parameters as it
 * stands ({@code {"lr": 0.1}}, not wrapped in {@code combine_params}), as in NNI's {@code
 * batch_tuner.py}. A parameter set already in the history (a customised or imported trial) counts
 * as done, once per occurrence.
 */
public final class BatchTuner implements Tuner {

  private final List<Map<String, Object>> parameterSets;

  BatchTuner(List<Map<String, Object>> parameterSets) {
    this.parameterSets = List.copyOf(parameterSets);
  }

  /** The next parameter sets not yet in the history; exhausted with the last of them. */
  @Override
  public Suggestions suggest(List<TrialRecord> history, int count) {
    Map<String, Integer> done = new HashMap<>();
    history.forEach(
        trial -> done.merge(SearchSpace.canonicalKey(trial.parameters()), 1, Integer::sum));
    List<Map<String, Object>> remaining = new ArrayList<>();
    for (Map<String, Object> parameters : parameterSets) {
      String key = SearchSpace.canonicalKey(parameters);
      if (done.getOrDefault(key, 0) > 0) {
        done.merge(key, -1, Integer::sum);
      } else {
        remaining.add(new LinkedHashMap<>(parameters));
      }
    }
    return remaining.size() <= count
        ? Suggestions.exhausted(remaining)
        : Suggestions.of(remaining.subList(0, count));
  }

  /** Registers the tuner as {@code Batch}. */
  public static final class Factory implements TunerFactory {

    @Override
    public String name() {
      return "Batch";
    }

    @Override
    public List<String> aliases() {
      return List.of("BatchTuner");
    }

    @Override
    public String description() {
      return "Runs each parameter set listed in the single choice combine_params once, in order";
    }

    /** NNI's batch tuner takes no arguments; optimize_mode is accepted for the dashboard only. */
    @Override
    public List<ArgSpec> arguments() {
      return List.of(ArgSpec.optimizeMode(OptimizeMode.MAXIMIZE));
    }

    @Override
    public List<FieldProblem> checkSearchSpace(SearchSpace space) {
      return BatchSpace.problems(space);
    }

    @Override
    public Tuner create(SearchSpace space, TunerArgs args) {
      return new BatchTuner(BatchSpace.parameterSets(space));
    }
  }
}
