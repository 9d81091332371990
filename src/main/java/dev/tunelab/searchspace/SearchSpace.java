package dev.tunelab.searchspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An immutable NNI search space: named parameters in declaration order.
 *
 * <p>Parameter sets (what {@link #sample} returns and what trials receive) are NNI's form: a map
 * from each parameter name to its value, with a nested choice as {@code {"_name": "A", "sub":
 * value}}.
 */
public final class SearchSpace {

  private final List<Parameter> parameters;
  private final Map<String, Object> json;
  private final String key;

  SearchSpace(List<Parameter> parameters, Map<String, Object> json) {
    this.parameters = List.copyOf(parameters);
    this.json = json;
    this.key = CanonicalKey.of(json);
  }

  /**
   * Parses and validates NNI's JSON form with NNI's rules ({@code hpo_utils/validation.py}).
   *
   * @param json the space as plain Java objects (maps, lists, strings, numbers, booleans)
   * @throws InvalidSearchSpaceException naming every problem, with paths relative to the root
   */
  public static SearchSpace parse(Map<String, ?> json) {
    return SearchSpaceParser.parse(json);
  }

  /** The parameters in declaration order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter names in declaration order. */
  public List<String> names() {
    return parameters.stream().map(Parameter::name).toList();
  }

  /** Whether the space has no parameter: its only parameter set is {@code {}}. */
  public boolean isEmpty() {
    return parameters.isEmpty();
  }

  /**
   * Draws one parameter set with NNI's semantics.
   *
   * @return a new mutable {@link LinkedHashMap} in declaration order
   */
  public Map<String, Object> sample(RandomGenerator rng) {
    Map<String, Object> values = new LinkedHashMap<>();
    parameters.forEach(parameter -> values.put(parameter.name(), parameter.sample(rng)));
    return values;
  }

  /**
   * Whether {@code values} holds exactly this space's parameter names, each with a value the space
   * can produce; numbers compare by value across classes and q-grids allow for rounding error.
   */
  public boolean contains(Map<String, ?> values) {
    if (values == null || !values.keySet().equals(Set.copyOf(names()))) {
      return false;
    }
    return parameters.stream()
        .allMatch(parameter -> parameter.contains(values.get(parameter.name())));
  }

  /**
   * How many distinct parameter sets the space holds ({@code {}} has one); empty when infinitely
   * many or more than a {@code long} holds. Only choice, randint, quniform and qloguniform are
   * finite.
   */
  public OptionalLong size() {
    long total = 1;
    for (Parameter parameter : parameters) {
      OptionalLong size = parameter.size();
      if (size.isEmpty()) {
        return size;
      }
      try {
        total = Math.multiplyExact(total, size.getAsLong());
      } catch (ArithmeticException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }

  /** Whether the space holds finitely many parameter sets, even too many for {@link #size}. */
  public boolean isFinite() {
    return parameters.stream().allMatch(Parameter::isFinite);
  }

  /** The space in NNI's JSON form, as it was given: an immutable copy, for storing and showing. */
  public Map<String, Object> toJson() {
    return json;
  }

  /**
   * A text that is equal for two parameter sets exactly when they hold the same values: keys
   * sorted, {@code 1} equal to {@code 1.0}, non-integers compared to 15 significant digits. Tuners
   * deduplicate with it.
   */
  public static String canonicalKey(Map<String, ?> values) {
    return CanonicalKey.of(values);
  }

  /** Two spaces are equal when their JSON forms are, numbers compared by value. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SearchSpace space && key.equals(space.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return key;
  }
}
