package dev.tunelab.searchspace;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code normal}, {@code qnormal}, {@code lognormal} or {@code qlognormal}: an unbounded number.
 *
 * <p>As in NNI, a value is made from an internal value drawn from {@code N(mu, sigma)} by {@link
 * #fromInternal}: exp for the log types, then {@code round(x / q) * q} for the q types, with no
 * clip.
 *
 * @param mu the mean of the internal value (of the logarithm, for the log types)
 * @param sigma the standard deviation of the internal value, positive
 * @param q the quantum of the q types; empty for the others
 */
public record NormalParameter(
    String name, ParameterType type, double mu, double sigma, OptionalDouble q)
    implements Parameter {

  public NormalParameter {
    if (!type.isNormal() || type.isQuantized() != q.isPresent()) {
      throw new IllegalArgumentException(type.nniName() + " is not a normal type with that q");
    }
    if (!(sigma > 0) || (q.isPresent() && !(q.getAsDouble() > 0))) {
      throw new IllegalArgumentException(type.nniName() + " needs " + type.shape());
    }
  }

  /** The parameter value for an internal value (see the class comment). */
  public double fromInternal(double internal) {
    double value = type.isLog() ? Math.exp(internal) : internal;
    return q.isPresent() ? Numbers.quantize(value, q.getAsDouble()) : value;
  }

  /**
   * The value at cumulative probability {@code p}: NNI's grid points, which NNI finds through the
   * inverse of the normal distribution function.
   */
  public double quantile(double p) {
    return fromInternal(mu + sigma * NormalQuantile.of(p));
  }

  @Override
  public Double sample(RandomGenerator rng) {
    return fromInternal(mu + sigma * rng.nextGaussian());
  }

  @Override
  public boolean contains(Object value) {
    Double v = Numbers.asDouble(value);
    if (v == null || v.isNaN() || (type.isLog() && v < 0)) {
      return false;
    }
    return q.isEmpty() || Numbers.isMultiple(v, q.getAsDouble());
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.empty();
  }

  @Override
  public boolean isFinite() {
    return false;
  }
}
