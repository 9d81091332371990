package dev.tunelab.assessor;

import dev.tunelab.searchspace.FieldProblem;
import dev.tunelab.tuner.InvalidTunerArgsException;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Range checks on bound {@code classArgs}, the part of NNI's {@code ClassArgsValidator} that types
 * alone do not express ({@code start_step} in 0..9999). Collects every problem, then reports them
 * together as {@link TunerArgs#bind} does. Not thread-safe; use one per {@code create} call.
 */
public final class ArgBounds {

  private final TunerArgs args;
  private final List<FieldProblem> problems = new ArrayList<>();

  public ArgBounds(TunerArgs args) {
    this.args = args;
  }

  /** Records a problem unless the integer argument {@code name} lies in [min, max]. */
  public ArgBounds integer(String name, long min, long max) {
    long value = args.integer(name);
    if (value < min || value > max) {
      problems.add(outside(name, min, max, value));
    }
    return this;
  }

  /** Records a problem unless the number argument {@code name} lies in [min, max] (not NaN). */
  public ArgBounds number(String name, double min, double max) {
    double value = args.number(name);
    if (!(value >= min && value <= max)) {
      problems.add(outside(name, min, max, value));
    }
    return this;
  }

  /**
   * The arguments, when every check passed.
   *
   * @throws InvalidTunerArgsException naming every argument out of range
   */
  public TunerArgs check() {
    if (!problems.isEmpty()) {
      throw new InvalidTunerArgsException(problems);
    }
    return args;
  }

  private static FieldProblem outside(String name, Number min, Number max, Number value) {
    return new FieldProblem(
        "classArgs." + name, "must be between " + min + " and " + max + ", not " + value);
  }
}
