package dev.tunelab.tuner;

import dev.tunelab.searchspace.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Standard test functions to minimise, over {@code uniform} parameters x1, x2, ... */
public final class ClosedFormProblems {

  private ClosedFormProblems() {}

  /**
   * A function to minimise.
   *
   * @param minimum the known global minimum, for reading the results
   */
  public record Problem(
      String name, SearchSpace space, ToDoubleFunction<double[]> function, double minimum) {

    /** The function at a parameter set of the space. */
    public double evaluate(Map<String, Object> parameters) {
      double[] x = new double[parameters.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = ((Number) parameters.get("x" + (i + 1))).doubleValue();
      }
      return function.applyAsDouble(x);
    }
  }

  public static List<Problem> all() {
    return List.of(branin(), hartmann6(), rosenbrock(4), ackley(5));
  }

  public static Problem branin() {
    Map<String, Object> space = new LinkedHashMap<>();
    space.put("x1", uniform(-5, 10));
    space.put("x2", uniform(0, 15));
    return new Problem(
        "Branin",
        SearchSpace.parse(space),
        x -> {
          double b = 5.1 / (4 * Math.PI * Math.PI);
          double c = 5 / Math.PI;
          double t = 1 / (8 * Math.PI);
          double a = x[1] - b * x[0] * x[0] + c * x[0] - 6;
          return a * a + 10 * (1 - t) * Math.cos(x[0]) + 10;
        },
        0.397887);
  }

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  public static Problem hartmann6() {
    return new Problem(
        "Hartmann6",
        cube(6, 0, 1),
        x -> {
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              inner += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
            }
            sum += ALPHA[i] * Math.exp(-inner);
          }
          return -sum;
        },
        -3.32237);
  }

  public static Problem rosenbrock(int d) {
    return new Problem(
        "Rosenbrock-" + d + "D",
        cube(d, -5, 10),
        x -> {
          double sum = 0;
          for (int i = 0; i < x.length - 1; i++) {
            sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
          }
          return sum;
        },
        0);
  }

  public static Problem ackley(int d) {
    return new Problem(
        "Ackley-" + d + "D",
        cube(d, -32.768, 32.768),
        x -> {
          double squares = 0;
          double cosines = 0;
          for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
          }
          return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length))
              - Math.exp(cosines / x.length)
              + 20
              + Math.E;
        },
        0);
  }

  private static SearchSpace cube(int d, double low, double high) {
    Map<String, Object> space = new LinkedHashMap<>();
    for (int i = 1; i <= d; i++) {
      space.put("x" + i, uniform(low, high));
    }
    return SearchSpace.parse(space);
  }

  private static Map<String, Object> uniform(double low, double high) {
    return Map.of("_type", "uniform", "_value", List.of(low, high));
  }
}
