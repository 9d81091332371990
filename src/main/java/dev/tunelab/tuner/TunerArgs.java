package dev.tunelab.tuner;

import dev.tunelab.searchspace.FieldProblem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tuner's {@code classArgs}, checked against its {@link ArgSpec}s, with defaults filled in.
 *
 * <p>Build one with {@link #bind}; the accessors then never fail for a declared argument.
 */
public final class TunerArgs {

  private final Map<String, Object> values;
  private final long seed;

  private TunerArgs(Map<String, Object> values, long seed) {
    this.values = Collections.unmodifiableMap(values);
    this.seed = seed;
  }

  /**
   * Checks {@code given} against {@code specs}.
   *
   * @param fallbackSeed the seed to use when the arguments declare {@code seed} but the user gave
   *     none, or declare none at all
   * @throws InvalidTunerArgsException naming every unknown or ill-typed argument, with paths
   *     relative to {@code classArgs}
   */
  public static TunerArgs bind(List<ArgSpec> specs, Map<String, ?> given, long fallbackSeed) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> values = bindObject(specs, given, "classArgs", problems);
    if (!problems.isEmpty()) {
      throw new InvalidTunerArgsException(problems);
    }
    Object seed = values.get("seed");
    return new TunerArgs(values, seed instanceof Long s ? s : fallbackSeed);
  }

  private static Map<String, Object> bindObject(
      List<ArgSpec> specs, Map<String, ?> given, String path, List<FieldProblem> problems) {
    Map<String, ArgSpec> byName = new LinkedHashMap<>();
    specs.forEach(spec -> byName.put(spec.name(), spec));
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        problems.add(
            new FieldProblem(
                path + "." + key,
                byName.isEmpty()
                    ? "is not an argument of this algorithm, which takes none"
                    : "is not an argument of this algorithm; it takes "
                        + String.join(", ", byName.keySet())));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ArgSpec spec : specs) {
      Object raw = given.get(spec.name());
      String field = path + "." + spec.name();
      if (spec.type() == ArgSpec.Type.OBJECT) {
        if (raw != null && !(raw instanceof Map<?, ?>)) {
          problems.add(new FieldProblem(field, "must be an object with " + names(spec.fields())));
          continue;
        }
        Map<String, ?> nested = raw == null ? Map.of() : stringKeys((Map<?, ?>) raw);
        values.put(spec.name(), bindObject(spec.fields(), nested, field, problems));
      } else if (raw == null) {
        // NNI writes "no value" as null where a string argument allows "none" (TPE's liar).
        boolean none = given.containsKey(spec.name()) && spec.allowed().contains("none");
        values.put(spec.name(), none ? "none" : spec.defaultValue());
      } else {
        Object value = convert(spec, raw);
        if (value == null) {
          problems.add(new FieldProblem(field, expectation(spec) + ", not " + describe(raw)));
        } else {
          values.put(spec.name(), value);
        }
      }
    }
    return values;
  }

  private static Object convert(ArgSpec spec, Object raw) {
    return switch (spec.type()) {
      case STRING -> {
        if (!(raw instanceof String text)) {
          yield null;
        }
        if (spec.allowed().isEmpty()) {
          yield text;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        yield spec.allowed().stream().filter(lower::equals).findFirst().orElse(null);
      }
      case INTEGER -> {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
          yield ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big && big.bitLength() < 64) {
          yield big.longValue();
        }
        if (raw instanceof Number number
            && number.doubleValue() == Math.rint(number.doubleValue())
            && Math.abs(number.doubleValue()) < 1e15) {
          yield number.longValue();
        }
        yield null;
      }
      case NUMBER -> raw instanceof Number number ? number.doubleValue() : null;
      case BOOLEAN -> raw instanceof Boolean ? raw : null;
      case OBJECT -> throw new IllegalStateException("objects are bound field by field");
    };
  }

  private static String expectation(ArgSpec spec) {
    if (spec.type() == ArgSpec.Type.STRING && !spec.allowed().isEmpty()) {
      return "must be one of " + String.join(", ", spec.allowed());
    }
    return "must be " + spec.type().description();
  }

  private static String describe(Object raw) {
    return raw instanceof String text ? "'" + text + "'" : String.valueOf(raw);
  }

  private static String names(List<ArgSpec> specs) {
    return String.join(", ", new TreeSet<>(specs.stream().map(ArgSpec::name).toList()));
  }

  private static Map<String, ?> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  /** The seed this tuner must draw all its randomness from. */
  public long seed() {
    return seed;
  }

  /** The {@code optimize_mode} argument; maximise when the tuner declares none. */
  public OptimizeMode optimizeMode() {
    Object mode = values.get("optimize_mode");
    return mode == null ? OptimizeMode.MAXIMIZE : OptimizeMode.parse((String) mode);
  }

  public String string(String name) {
    return (String) values.get(name);
  }

  public long integer(String name) {
    return (Long) values.get(name);
  }

  public double number(String name) {
    return (Double) values.get(name);
  }

  public boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  /** Whether the user or the default gave the argument a value. */
  public boolean has(String name) {
    return values.get(name) != null;
  }

  /** The arguments of a nested object argument, such as TPE's {@code tpe_args}. */
  @SuppressWarnings("unchecked")
  public TunerArgs object(String name) {
    return new TunerArgs((Map<String, Object>) values.get(name), seed);
  }

  /** Every argument with its effective value, for display and for the stored config. */
  public Map<String, Object> asMap() {
    return values;
  }
}
