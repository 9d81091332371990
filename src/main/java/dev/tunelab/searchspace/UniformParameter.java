package dev.tunelab.searchspace;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code uniform}, {@code quniform}, {@code loguniform} or {@code qloguniform}: a number in {@code
 * [low, high]}.
 *
 * <p>As in NNI's {@code hpo_utils/formatting.py}, a value is made from an <em>internal</em> value
 * drawn uniformly from {@code [internalLow(), internalHigh()]} (the logarithms of the bounds for
 * the log types) by {@link #fromInternal}: exp for the log types, then {@code round(x / q) * q}
 * with Python's round for the q types, then a clip into {@code [low, high]}.
 *
 * @param low the lower bound of the value (not of its logarithm)
 * @param high the upper bound of the value
 * @param q the quantum of the q types; empty for the others
 */
public record UniformParameter(
    String name, ParameterType type, double low, double high, OptionalDouble q)
    implements Parameter {

  public UniformParameter {
    if (type.isCategorical() || type.isNormal() || type.isQuantized() != q.isPresent()) {
      throw new IllegalArgumentException(type.nniName() + " is not a uniform type with that q");
    }
    if (!(low < high)
        || (type.isLog() && !(low > 0))
        || (q.isPresent() && !(q.getAsDouble() > 0))) {
      throw new IllegalArgumentException(type.nniName() + " needs " + type.shape());
    }
  }

  /** The lower bound of the internal value: {@code log(low)} for the log types. */
  public double internalLow() {
    return type.isLog() ? Math.log(low) : low;
  }

  /** The upper bound of the internal value: {@code log(high)} for the log types. */
  public double internalHigh() {
    return type.isLog() ? Math.log(high) : high;
  }

  /** The parameter value for an internal value (see the class comment), always in range. */
  public double fromInternal(double internal) {
    double value = type.isLog() ? Math.exp(internal) : internal;
    if (q.isPresent()) {
      value = Numbers.quantize(value, q.getAsDouble());
    }
    // NNI clips only the q types; the others can leave the range by an ulp through exp and log.
    return Math.min(high, Math.max(low, value));
  }

  /** The value at cumulative probability {@code p} in [0, 1]: NNI's grid points. */
  public double quantile(double p) {
    return fromInternal(internalAt(p));
  }

  private double internalAt(double p) {
    double a = internalLow();
    double b = internalHigh();
    double span = b - a;
    return Double.isFinite(span) ? a + span * p : a * (1 - p) + b * p;
  }

  // The multiple of q that the end p (0 or 1) rounds to, computed as the sampler does, so that
  // ties and the ulps of exp(log(x)) decide the ends the way they decide the samples.
  private double endMultiple(double p) {
    double value = type.isLog() ? Math.exp(internalAt(p)) : internalAt(p);
    return Math.rint(value / q.getAsDouble());
  }

  @Override
  public Double sample(RandomGenerator rng) {
    return quantile(rng.nextDouble());
  }

  /** Values compare with a tolerance of 1e-9 relative to the range, q-grid values included. */
  @Override
  public boolean contains(Object value) {
    Double v = Numbers.asDouble(value);
    if (v == null || v.isNaN()) {
      return false;
    }
    if (q.isEmpty()) {
      return v >= low && v <= high;
    }
    double step = q.getAsDouble();
    double tolerance = 1e-9 * Math.max(step, Math.max(Math.abs(low), Math.abs(high)));
    double first = endMultiple(0);
    double last = endMultiple(1);
    double k = Math.rint(v / step);
    for (double candidate = k - 1; candidate <= k + 1; candidate++) {
      if (candidate >= first
          && candidate <= last
          && Math.abs(v - Math.min(high, Math.max(low, candidate * step + 0.0))) <= tolerance) {
        return true;
      }
    }
    return false;
  }

  /**
   * For the q types: each multiple of q from the one {@code low} rounds to up to the one {@code
   * high} rounds to gives one distinct value once clipped, since only the first and the last can
   * fall outside the range.
   */
  @Override
  public OptionalLong size() {
    if (q.isEmpty()) {
      return OptionalLong.empty();
    }
    double count = endMultiple(1) - endMultiple(0) + 1;
    return count < 0x1p62 ? OptionalLong.of((long) count) : OptionalLong.empty();
  }

  @Override
  public boolean isFinite() {
    return q.isPresent();
  }
}
