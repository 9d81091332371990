package dev.tunelab.tuner.unitcube;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.NormalParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.RandintParameter;
import dev.tunelab.searchspace.UniformParameter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;

/**
 * One parameter seen as a coordinate in [0, 1]. Immutable.
 *
 * <p>Uniform types map their internal value (the logarithm for the log types) linearly; randint and
 * numeric choices split [0, 1] into one equal bin per value, in increasing order, and encode a
 * value as the centre of its bin; normal types map through the normal distribution function, so
 * that a uniform coordinate gives the parameter's prior.
 */
public sealed interface UnitDimension
    permits UnitDimension.Range,
        UnitDimension.Integers,
        UnitDimension.Ordinal,
        UnitDimension.Gauss {

  /** The parameter's name. */
  String name();

  /** The coordinate of {@code value}; empty when the parameter cannot take it. */
  OptionalDouble encode(Object value);

  /** The parameter value at coordinate {@code u} (clamped into [0, 1]), rounded as NNI does. */
  Object decode(double u);

  /** Whether only some coordinates are values (integers, choices and q types). */
  boolean isDiscrete();

  /**
   * The dimension for {@code parameter}; empty for a nested choice or a choice with an option that
   * is not a number.
   */
  static Optional<UnitDimension> of(Parameter parameter) {
    if (parameter instanceof UniformParameter uniform) {
      return Optional.of(new Range(uniform));
    }
    if (parameter instanceof RandintParameter randint) {
      return Optional.of(new Integers(randint));
    }
    if (parameter instanceof NormalParameter normal) {
      return Optional.of(new Gauss(normal));
    }
    return Ordinal.of((ChoiceParameter) parameter);
  }

  /** The value as a double, or null when it is not a number (booleans are not numbers). */
  static Double number(Object value) {
    return value instanceof Number number ? number.doubleValue() : null;
  }

  private static double clamp(double u) {
    return Double.isNaN(u) ? 0.5 : Math.min(1, Math.max(0, u));
  }

  /** uniform, quniform, loguniform, qloguniform: linear in the internal value. */
  record Range(UniformParameter parameter) implements UnitDimension {

    @Override
    public String name() {
      return parameter.name();
    }

    @Override
    public OptionalDouble encode(Object value) {
      Double v = number(value);
      if (v == null || !parameter.contains(v)) {
        return OptionalDouble.empty();
      }
      double internal = parameter.type().isLog() ? Math.log(v) : v;
      double low = parameter.internalLow();
      return OptionalDouble.of(clamp((internal - low) / (parameter.internalHigh() - low)));
    }

    @Override
    public Double decode(double u) {
      double low = parameter.internalLow();
      return parameter.fromInternal(low + clamp(u) * (parameter.internalHigh() - low));
    }

    @Override
    public boolean isDiscrete() {
      return parameter.q().isPresent();
    }
  }

  /** randint: one bin per integer in {@code [low, high)}. */
  record Integers(RandintParameter parameter) implements UnitDimension {

    @Override
    public String name() {
      return parameter.name();
    }

    @Override
    public OptionalDouble encode(Object value) {
      if (!parameter.contains(value)) {
        return OptionalDouble.empty();
      }
      double size = (double) parameter.high() - parameter.low();
      return OptionalDouble.of((number(value) - parameter.low() + 0.5) / size);
    }

    @Override
    public Long decode(double u) {
      long size = parameter.high() - parameter.low();
      return parameter.valueAt(Math.min(size - 1, (long) Math.floor(clamp(u) * size)));
    }

    @Override
    public boolean isDiscrete() {
      return true;
    }
  }

  /** normal, qnormal, lognormal, qlognormal: through the normal distribution function. */
  record Gauss(NormalParameter parameter) implements UnitDimension {

    private static final double TAIL = 1e-9;

    @Override
    public String name() {
      return parameter.name();
    }

    @Override
    public OptionalDouble encode(Object value) {
      Double v = number(value);
      if (v == null || !parameter.contains(v) || (parameter.type().isLog() && v <= 0)) {
        return OptionalDouble.empty();
      }
      double internal = parameter.type().isLog() ? Math.log(v) : v;
      double z = (internal - parameter.mu()) / parameter.sigma();
      return OptionalDouble.of(clamp(0.5 * Erf.erfc(-z / Math.sqrt(2))));
    }

    @Override
    public Double decode(double u) {
      return parameter.quantile(Math.min(1 - TAIL, Math.max(TAIL, clamp(u))));
    }

    @Override
    public boolean isDiscrete() {
      return parameter.q().isPresent();
    }
  }

  /**
   * A choice whose options are all numbers, ordered by value: NNI's GP treats such a choice as a
   * number rounded to the nearest option.
   *
   * @param sorted the distinct option values in increasing order
   * @param options the option as given for each sorted value (the first of equal ones)
   */
  record Ordinal(String name, List<Double> sorted, List<Object> options) implements UnitDimension {

    public Ordinal {
      sorted = List.copyOf(sorted);
      options = List.copyOf(options);
    }

    static Optional<UnitDimension> of(ChoiceParameter choice) {
      TreeMap<Double, Object> byValue = new TreeMap<>();
      for (ChoiceOption option : choice.options()) {
        Double v = option instanceof ChoiceOption.Value plain ? number(plain.value()) : null;
        if (v == null || !Double.isFinite(v)) {
          return Optional.empty();
        }
        byValue.putIfAbsent(v, ((ChoiceOption.Value) option).value());
      }
      return Optional.of(
          new Ordinal(choice.name(), List.copyOf(byValue.keySet()), List.copyOf(byValue.values())));
    }

    @Override
    public OptionalDouble encode(Object value) {
      Double v = number(value);
      if (v == null) {
        return OptionalDouble.empty();
      }
      for (int i = 0; i < sorted.size(); i++) {
        if (Math.abs(sorted.get(i) - v) <= 1e-12 * Math.max(1, Math.abs(v))) {
          return OptionalDouble.of((i + 0.5) / sorted.size());
        }
      }
      return OptionalDouble.empty();
    }

    @Override
    public Object decode(double u) {
      int size = sorted.size();
      return options.get(Math.min(size - 1, (int) Math.floor(clamp(u) * size)));
    }

    @Override
    public boolean isDiscrete() {
      return true;
    }
  }
}
