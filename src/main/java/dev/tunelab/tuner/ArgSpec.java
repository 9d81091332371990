package dev.tunelab.tuner;

import java.util.List;

/**
 * One {@code classArgs} entry a tuner accepts.
 *
 * @param name the key, as NNI spells it ({@code optimize_mode})
 * @param type what values it takes
 * @param defaultValue the value when the user gives none; null when it has no default
 * @param description one line for people
 * @param allowed for {@link Type#STRING}, the values it accepts (matched case-insensitively); empty
 *     for any
 * @param fields for {@link Type#OBJECT}, the entries of the nested object
 */
public record ArgSpec(
    String name,
    Type type,
    Object defaultValue,
    String description,
    List<String> allowed,
    List<ArgSpec> fields) {

  public ArgSpec {
    allowed = List.copyOf(allowed);
    fields = List.copyOf(fields);
  }

  public static ArgSpec string(
      String name, String defaultValue, String description, String... allowed) {
    return new ArgSpec(name, Type.STRING, defaultValue, description, List.of(allowed), List.of());
  }

  public static ArgSpec integer(String name, Long defaultValue, String description) {
    return new ArgSpec(name, Type.INTEGER, defaultValue, description, List.of(), List.of());
  }

  public static ArgSpec number(String name, Double defaultValue, String description) {
    return new ArgSpec(name, Type.NUMBER, defaultValue, description, List.of(), List.of());
  }

  public static ArgSpec bool(String name, Boolean defaultValue, String description) {
    return new ArgSpec(name, Type.BOOLEAN, defaultValue, description, List.of(), List.of());
  }

  public static ArgSpec object(String name, String description, ArgSpec... fields) {
    return new ArgSpec(name, Type.OBJECT, null, description, List.of(), List.of(fields));
  }

  /** The {@code optimize_mode} argument with the given default. */
  public static ArgSpec optimizeMode(OptimizeMode defaultMode) {
    return string(
        "optimize_mode",
        defaultMode.nniName(),
        "whether a higher or a lower final metric is better",
        "maximize",
        "minimize");
  }

  /** The {@code seed} argument: no default, the experiment picks and records one. */
  public static ArgSpec seed() {
    return integer("seed", null, "random seed; the same seed and history give the same trials");
  }

  /** The kinds of values an argument takes, named as in JSON. */
  public enum Type {
    STRING("a string"),
    INTEGER("an integer"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    OBJECT("an object");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }
}
