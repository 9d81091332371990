package dev.tunelab.tuner.smac;

import dev.tunelab.searchspace.Json;
import dev.tunelab.searchspace.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Closed-form minimisation problems for tuner benchmarks, with their known minima. */
final class BenchmarkProblems {

  private BenchmarkProblems() {}

  /**
   * A function to minimise over a search space.
   *
   * @param minimum the global minimum, for the regret
   */
  record Problem(
      String name,
      SearchSpace space,
      ToDoubleFunction<Map<String, Object>> function,
      double minimum) {

    /** The function at a parameter set of the space. */
    double evaluate(Map<String, Object> parameters) {
      return function.applyAsDouble(parameters);
    }
  }

  /**
   * A stand-in for tuning a model on a dataset: a categorical choice with unequal options, a
   * log-scaled rate, an ordered integer, a quantised fraction and a plain number, interacting
   * mildly.
   */
  static Problem mixedHpo() {
    SearchSpace space =
        SearchSpace.parse(
            Json.object(
                "{'kernel': {'_type': 'choice', '_value': ['linear', 'rbf', 'poly']},"
                    + " 'lr': {'_type': 'loguniform', '_value': [0.00001, 1]},"
                    + " 'layers': {'_type': 'randint', '_value': [1, 8]},"
                    + " 'dropout': {'_type': 'quniform', '_value': [0, 0.9, 0.1]},"
                    + " 'momentum': {'_type': 'uniform', '_value': [0, 1]}}"));
    Map<String, Double> offset = Map.of("linear", 0.6, "rbf", 0.0, "poly", 0.3);
    return new Problem(
        "MixedHpo",
        space,
        p -> {
          double lr = Math.log10(number(p, "lr")) + 2.5 + 0.5 * (number(p, "momentum") - 0.9);
          return offset.get((String) p.get("kernel"))
              + lr * lr / 4
              + 0.05 * Math.pow(number(p, "layers") - 4, 2)
              + Math.pow(number(p, "dropout") - 0.3, 2)
              + 0.5 * Math.pow(number(p, "momentum") - 0.9, 2);
        },
        0);
  }

  private static double number(Map<String, Object> parameters, String name) {
    return ((Number) parameters.get(name)).doubleValue();
  }

  private static Problem box(
      String name, double[] low, double[] high, ToDoubleFunction<double[]> f, double minimum) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < low.length; i++) {
      json.put("x" + (i + 1), Map.of("_type", "uniform", "_value", List.of(low[i], high[i])));
    }
    return new Problem(
        name,
        SearchSpace.parse(json),
        p -> {
          double[] x = new double[low.length];
          for (int i = 0; i < x.length; i++) {
            x[i] = number(p, "x" + (i + 1));
          }
          return f.applyAsDouble(x);
        },
        minimum);
  }

  static Problem branin() {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    return box(
        "Branin",
        new double[] {-5, 0},
        new double[] {10, 15},
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
    return box(
        "Hartmann6",
        new double[6],
        new double[] {1, 1, 1, 1, 1, 1},
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
    return box(
        "Rosenbrock4",
        filled(4, -5),
        filled(4, 10),
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
    return box(
        "Ackley5",
        filled(5, -32.768),
        filled(5, 32.768),
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
}
