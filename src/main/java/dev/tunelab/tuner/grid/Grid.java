package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NNI's grid ({@code nni/algorithms/hpo/gridsearch_tuner.py}) as a cursor over parameter sets.
 *
 * <p>Every parameter, nested ones included, is a dimension in declaration order (a nested choice is
 * followed by its options' sub-parameters). Choice and randint dimensions hold all their indices. A
 * numeric dimension is a list of positions in (0, 1), mapped to values through the inverse
 * distribution function: the first epoch holds only 1/2, and each later epoch adds the midpoints of
 * the intervals that still separate distinct values (after log and q), so 1/4 and 3/4, then the
 * eighths, and so on. Each epoch walks every combination of the active dimensions, the last
 * dimension fastest, and skips those made only of positions of earlier epochs. The walk ends when
 * an epoch adds nothing: finite spaces end, continuous ones refine until the intervals reach the
 * resolution of a double, which no experiment lives to see.
 */
final class Grid {

  private final List<Dimension> dimensions = new ArrayList<>();
  private final long[] epochBar;
  private long[] vector;
  private boolean done;

  Grid(SearchSpace space) {
    flatten(space, -1, -1);
    epochBar = new long[dimensions.size()];
  }

  private void flatten(SearchSpace space, int parent, int option) {
    for (Parameter parameter : space.parameters()) {
      int index = dimensions.size();
      dimensions.add(Dimension.of(parameter, parent, option));
      if (parameter instanceof ChoiceParameter choice && choice.isNested()) {
        for (int i = 0; i < choice.options().size(); i++) {
          flatten(((ChoiceOption.Nested) choice.options().get(i)).space(), index, i);
        }
      }
    }
  }

  /** The next parameter set in grid order, or null when the grid is fully explored. */
  Map<String, Object> next() {
    if (dimensions.isEmpty()) {
      // NNI rejects an empty space; its one parameter set, {}, is the sensible grid.
      if (done) {
        return null;
      }
      done = true;
      return new LinkedHashMap<>();
    }
    while (!done) {
      advance();
      if (vector == null) {
        subdivide();
      } else if (!fromEarlierEpochs()) {
        return current();
      }
    }
    return null;
  }

  private void advance() {
    if (vector == null) {
      vector = new long[dimensions.size()];
      return;
    }
    boolean[] active = active();
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      if (!active[i]) {
        continue;
      }
      if (vector[i] + 1 < dimensions.get(i).length()) {
        vector[i]++;
        return;
      }
      vector[i] = 0;
    }
    vector = null;
  }

  private boolean fromEarlierEpochs() {
    for (int i = 0; i < vector.length; i++) {
      if (vector[i] >= epochBar[i]) {
        return false;
      }
    }
    return true;
  }

  // An epoch that adds no position anywhere holds only old combinations, so it is not walked.
  private void subdivide() {
    boolean grown = false;
    while (!grown && !done) {
      boolean updated = false;
      for (int i = 0; i < dimensions.size(); i++) {
        epochBar[i] = dimensions.get(i).length();
        updated |= dimensions.get(i).subdivide();
        grown |= dimensions.get(i).length() > epochBar[i];
      }
      done = !updated;
    }
  }

  // Nested parameters are active when every choice above them picks their option. NNI looks only
  // at the direct parent, which fails for choices nested two deep.
  private boolean[] active() {
    boolean[] active = new boolean[dimensions.size()];
    for (int i = 0; i < active.length; i++) {
      Dimension dimension = dimensions.get(i);
      int parent = dimension.parent();
      active[i] = parent < 0 || (active[parent] && vector[parent] == dimension.option());
    }
    return active;
  }

  private Map<String, Object> current() {
    boolean[] active = active();
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> containers = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      containers.add(null);
      if (!active[i]) {
        continue;
      }
      Dimension dimension = dimensions.get(i);
      Map<String, Object> target =
          dimension.parent() < 0 ? root : containers.get(dimension.parent());
      Object value = dimension.value(vector[i]);
      target.put(dimension.parameter().name(), value);
      if (value instanceof Map<?, ?>
          && dimension.parameter() instanceof ChoiceParameter choice
          && choice.isNested()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) value;
        containers.set(i, nested);
      }
    }
    return root;
  }
}
