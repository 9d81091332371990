package dev.tunelab.searchspace;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * One named entry of a search space: a {@link ChoiceParameter}, a {@link RandintParameter}, a
 * {@link UniformParameter} (uniform, quniform, loguniform, qloguniform) or a {@link
 * NormalParameter} (normal, qnormal, lognormal, qlognormal). Instances are immutable.
 */
public sealed interface Parameter
    permits ChoiceParameter, RandintParameter, UniformParameter, NormalParameter {

  /** The key of the parameter in the search space and in the parameter sets trials receive. */
  String name();

  /** The NNI {@code _type}. */
  ParameterType type();

  /**
   * Draws one value with NNI's semantics (nni.md §2.1): a {@code Long} for randint, a {@code
   * Double} for the numeric types, the option as given for a choice.
   */
  Object sample(RandomGenerator rng);

  /** Whether {@link #sample} can produce {@code value}; numbers compare by value, not by class. */
  boolean contains(Object value);

  /**
   * How many distinct values the parameter takes; empty when infinitely many, or more than a {@code
   * long} holds.
   */
  OptionalLong size();

  /** Whether the parameter takes finitely many values (even if too many for {@link #size}). */
  boolean isFinite();
}
