package dev.tunelab.tuner.formatting;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A search space flattened as NNI's {@code format_search_space} does: every parameter, those of
 * every nested-choice option included, as one {@link FormattedParameter} in declaration order, a
 * nested choice before its sub-parameters. A parameter set becomes a {@code double[]} with one
 * entry per parameter: its internal value where the parameter is active, NaN where its option was
 * not chosen. Immutable and thread-safe.
 */
public final class FormattedSpace {

  private final SearchSpace space;
  private final List<FormattedParameter> parameters = new ArrayList<>();
  private final List<Integer> root;
  // For each parameter that is a nested choice, the parameters of each option.
  private final Map<Integer, List<List<Integer>>> branches = new LinkedHashMap<>();

  public FormattedSpace(SearchSpace space) {
    this.space = space;
    this.root = flatten(space, -1, -1);
  }

  private List<Integer> flatten(SearchSpace level, int parent, int option) {
    List<Integer> indices = new ArrayList<>();
    for (Parameter parameter : level.parameters()) {
      int index = parameters.size();
      parameters.add(new FormattedParameter(parameter, parent, option));
      indices.add(index);
      if (parameter instanceof ChoiceParameter choice && choice.isNested()) {
        List<List<Integer>> options = new ArrayList<>();
        for (int k = 0; k < choice.options().size(); k++) {
          options.add(flatten(((ChoiceOption.Nested) choice.options().get(k)).space(), index, k));
        }
        branches.put(index, options);
      }
    }
    return indices;
  }

  /** The space this was made from. */
  public SearchSpace space() {
    return space;
  }

  /** How many parameters the flat form has, sub-parameters of every option included. */
  public int size() {
    return parameters.size();
  }

  /** The {@code index}-th parameter in declaration order. */
  public FormattedParameter parameter(int index) {
    return parameters.get(index);
  }

  /**
   * Whether parameter {@code index} takes part in a set whose parameters before it are filled in
   * {@code values}: it is at the top level, or its nested choice chose its option.
   */
  public boolean isActive(int index, double[] values) {
    FormattedParameter parameter = parameters.get(index);
    return parameter.parent() < 0 || values[parameter.parent()] == parameter.option();
  }

  /** A value of the space in internal form, NaN for inactive parameters; null when not in it. */
  public double[] format(Map<String, ?> values) {
    if (!space.contains(values)) {
      return null;
    }
    double[] internal = new double[size()];
    Arrays.fill(internal, Double.NaN);
    format(root, values, internal);
    return internal;
  }

  @SuppressWarnings("unchecked")
  private void format(List<Integer> level, Map<String, ?> values, double[] internal) {
    for (int index : level) {
      FormattedParameter parameter = parameters.get(index);
      Object value = values.get(parameter.name());
      internal[index] = parameter.toInternal(value);
      List<List<Integer>> options = branches.get(index);
      if (options != null) {
        format(options.get((int) internal[index]), (Map<String, ?>) value, internal);
      }
    }
  }

  /** The parameter set, in NNI's form, of internal values made by a tuner. */
  public Map<String, Object> deformat(double[] internal) {
    return deformat(root, internal);
  }

  private Map<String, Object> deformat(List<Integer> level, double[] internal) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int index : level) {
      FormattedParameter parameter = parameters.get(index);
      List<List<Integer>> options = branches.get(index);
      if (options == null) {
        values.put(parameter.name(), parameter.fromInternal(internal[index]));
      } else {
        int chosen = (int) internal[index];
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("_name", parameter.fromInternal(chosen));
        nested.putAll(deformat(options.get(chosen), internal));
        values.put(parameter.name(), nested);
      }
    }
    return values;
  }

  /**
   * A draw of the whole set from the prior in internal form, inactive parameters NaN: as {@link
   * SearchSpace#sample} but in the form the tuners model.
   */
  public double[] sample(RandomGenerator rng) {
    double[] internal = new double[size()];
    Arrays.fill(internal, Double.NaN);
    for (int index = 0; index < size(); index++) {
      if (isActive(index, internal)) {
        internal[index] = parameters.get(index).sample(rng);
      }
    }
    return internal;
  }

  /** The parameters below nested choice {@code index} when it takes option {@code option}. */
  public List<Integer> branch(int index, int option) {
    List<List<Integer>> options = branches.get(index);
    return options == null ? Collections.emptyList() : options.get(option);
  }

  /** Whether every parameter is a choice, randint or quantised range: the grid is finite. */
  public boolean isFinite() {
    return space.isFinite();
  }
}
