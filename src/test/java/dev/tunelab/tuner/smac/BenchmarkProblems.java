package dev.tunelab.tuner.smac;

import dev.tunelab.searchspace.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Closed-form minimisation problems for tuner benchmarks, with their known minima. */
final class BenchmarkProblems {

  private BenchmarkProblems() {}

  /**
   * A function to minimise over a box of uniform parameters {@code x1..xd}.
   *
   * @param minimum the global minimum, for the regret
   */
  record Problem(
      String name, SearchSpace space, ToDoubleFunction<double[]> function, double minimum) {

    /** The function at a parameter set of the space. */
    double evaluate(Map<String, Object> parameters) {
      double[] x = new double[parameters.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = ((Number) parameters.get("x" + (i + 1))).doubleValue();
      }
      return function.applyAsDouble(x);
    }
  }

  static Problem branin() {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    return new Problem(
        "Branin",
        box(new double[] {-5, 0}, new double[] {10, 15}),
        x -> {
          double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
          return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        },
        0.397887);
  }

  static Problem hartmann6() {
    double[] alpha = {1.0, 1.2, 3.0, 3.2};
    double[][] a = {
      {10, 3, 17, 3.5, 1.7, 8},
      {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8},
      {17, 8, 0.05, 10, 0.1, 14}
    };
    double[][] p = {
      {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
      {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
      {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
      {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
    };
    return new Problem(
        "Hartmann6",
        box(new double[6], new double[] {1, 1, 1, 1, 1, 1}),
        x -> {
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              inner += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
            }
            sum += alpha[i] * Math.exp(-inner);
          }
          return -sum;
        },
        -3.32237);
  }

  static Problem rosenbrock4() {
    return new Problem(
        "Rosenbrock4",
        box(filled(4, -5), filled(4, 10)),
        x -> {
          double sum = 0;
          for (int i = 0; i + 1 < x.length; i++) {
            sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
          }
          return sum;
        },
        0);
  }

  static Problem ackley5() {
    return new Problem(
        "Ackley5",
        box(filled(5, -32.768), filled(5, 32.768)),
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

  private static double[] filled(int d, double value) {
    double[] x = new double[d];
    java.util.Arrays.fill(x, value);
    return x;
  }

  private static SearchSpace box(double[] low, double[] high) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < low.length; i++) {
      json.put(
          "x" + (i + 1), Map.of("_type", "uniform", "_value", java.util.List.of(low[i], high[i])));
    }
    return SearchSpace.parse(json);
  }
}
