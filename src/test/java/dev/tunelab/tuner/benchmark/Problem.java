package dev.tunelab.tuner.benchmark;

import dev.tunelab.searchspace.SearchSpace;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A function to minimise over a search space, for benchmarks and quality tests.
 *
 * @param optimum the known minimum, or NaN when unknown
 * @param budget how many trials a benchmark gives a tuner
 */
public record Problem(
    String name,
    SearchSpace space,
    ToDoubleFunction<Map<String, Object>> loss,
    double optimum,
    int budget) {

  /** The loss of a parameter set. */
  public double evaluate(Map<String, Object> parameters) {
    return loss.applyAsDouble(parameters);
  }

  @Override
  public String toString() {
    return name;
  }
}
