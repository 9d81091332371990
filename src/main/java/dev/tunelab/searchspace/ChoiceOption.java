package dev.tunelab.searchspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One option of a {@link ChoiceParameter}: a plain value or a nested sub-space. */
public sealed interface ChoiceOption {

  /** Draws the value the option contributes to a parameter set. */
  Object sample(RandomGenerator rng);

  /**
   * A plain option, returned to trials as given: normally a number or a string; NNI also lets
   * booleans, null, lists and objects without {@code _name} through (Batch's parameter dicts).
   *
   * @param value an immutable copy of the JSON value
   */
  record Value(Object value) implements ChoiceOption {

    @Override
    public Object sample(RandomGenerator rng) {
      return value;
    }
  }

  /**
   * A nested option: chosen, it yields {@code {"_name": name, sub-parameters...}}.
   *
   * @param name the option's {@code _name}
   * @param space the sub-parameters, active only when this option is chosen
   */
  record Nested(String name, SearchSpace space) implements ChoiceOption {

    @Override
    public Map<String, Object> sample(RandomGenerator rng) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("_name", name);
      value.putAll(space.sample(rng));
      return value;
    }

    /** Whether {@code value} is {@code {"_name": name, ...}} with sub-values from the space. */
    boolean contains(Map<?, ?> value) {
      if (!name.equals(value.get("_name"))) {
        return false;
      }
      Map<String, Object> rest = new LinkedHashMap<>();
      value.forEach((key, sub) -> rest.put(String.valueOf(key), sub));
      rest.remove("_name");
      return space.contains(rest);
    }
  }
}
