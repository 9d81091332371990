package dev.tunelab.searchspace;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code choice}: one of the options, either all plain values or all nested sub-spaces (each with a
 * {@code _name}). NNI's tuners treat a choice as an unordered category: its index.
 */
public record ChoiceParameter(String name, List<ChoiceOption> options) implements Parameter {

  public ChoiceParameter {
    options = List.copyOf(options);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("choice needs at least one option");
    }
    long nested = options.stream().filter(ChoiceOption.Nested.class::isInstance).count();
    if (nested != 0 && nested != options.size()) {
      throw new IllegalArgumentException("a choice is either all nested or all plain");
    }
    long names =
        options.stream()
            .filter(ChoiceOption.Nested.class::isInstance)
            .map(option -> ((ChoiceOption.Nested) option).name())
            .distinct()
            .count();
    if (names != nested) {
      throw new IllegalArgumentException("nested options need distinct names");
    }
  }

  @Override
  public ParameterType type() {
    return ParameterType.CHOICE;
  }

  /** Whether the options are nested sub-spaces, each with a {@code _name}. */
  public boolean isNested() {
    return options.get(0) instanceof ChoiceOption.Nested;
  }

  @Override
  public Object sample(RandomGenerator rng) {
    return options.get(rng.nextInt(options.size())).sample(rng);
  }

  @Override
  public boolean contains(Object value) {
    if (isNested()) {
      return value instanceof Map<?, ?> map
          && options.stream().anyMatch(option -> ((ChoiceOption.Nested) option).contains(map));
    }
    String key = CanonicalKey.of(value);
    return options.stream()
        .anyMatch(option -> CanonicalKey.of(((ChoiceOption.Value) option).value()).equals(key));
  }

  /** Plain options count once per distinct value; nested ones by their sub-spaces' sizes. */
  @Override
  public OptionalLong size() {
    if (!isNested()) {
      Set<String> distinct = new HashSet<>();
      options.forEach(
          option -> distinct.add(CanonicalKey.of(((ChoiceOption.Value) option).value())));
      return OptionalLong.of(distinct.size());
    }
    long total = 0;
    for (ChoiceOption option : options) {
      OptionalLong size = ((ChoiceOption.Nested) option).space().size();
      if (size.isEmpty() || total > Long.MAX_VALUE - size.getAsLong()) {
        return OptionalLong.empty();
      }
      total += size.getAsLong();
    }
    return OptionalLong.of(total);
  }

  @Override
  public boolean isFinite() {
    return options.stream()
        .allMatch(
            option -> !(option instanceof ChoiceOption.Nested nested) || nested.space().isFinite());
  }
}
