package dev.tunelab.searchspace;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * {@code randint}: an integer in {@code [low, high)}; NNI's tuners treat it as unordered
 * categories.
 *
 * @param low the smallest value
 * @param high one more than the largest value
 */
public record RandintParameter(String name, long low, long high) implements Parameter {

  public RandintParameter {
    if (high <= low) {
      throw new IllegalArgumentException("randint needs high > low");
    }
  }

  @Override
  public ParameterType type() {
    return ParameterType.RANDINT;
  }

  @Override
  public Long sample(RandomGenerator rng) {
    return rng.nextLong(low, high);
  }

  /** The value at {@code index}, counting from {@code low}. */
  public long valueAt(long index) {
    return low + index;
  }

  @Override
  public boolean contains(Object value) {
    Long integer = Numbers.exactLong(value);
    return integer != null && integer >= low && integer < high;
  }

  @Override
  public OptionalLong size() {
    long size = high - low;
    return size > 0 ? OptionalLong.of(size) : OptionalLong.empty();
  }

  @Override
  public boolean isFinite() {
    return true;
  }
}
