package dev.tunelab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The closed-form problems of the tuner benchmark, all minimised; compare.py has the same ones. */
final class Problems {

  record Problem(String name, Map<String, Object> space, ToDoubleFunction<double[]> objective) {}

  private Problems() {}

  static List<Problem> all() {
    return List.of(
        new Problem("Branin", space(new double[][] {{-5, 10}, {0, 15}}), Problems::branin),
        new Problem("Hartmann6", space(6, 0, 1), Problems::hartmann6),
        new Problem("Rosenbrock-4D", space(4, -5, 10), Problems::rosenbrock),
        new Problem("Ackley-5D", space(5, -32.768, 32.768), Problems::ackley));
  }

  static double[] point(Map<String, Object> parameters, int dimensions) {
    double[] x = new double[dimensions];
    for (int i = 0; i < dimensions; i++) {
      x[i] = ((Number) parameters.get("x" + i)).doubleValue();
    }
    return x;
  }

  static double branin(double[] x) {
    double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
    return a * Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - r, 2) + s * (1 - t) * Math.cos(x[0]) + s;
  }

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}
  };

  static double hartmann6(double[] x) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        inner += A[i][j] * Math.pow(x[j] - P[i][j] * 1e-4, 2);
      }
      sum += ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  }

  static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
    }
    return sum;
  }

  static double ackley(double[] x) {
    double squares = 0, cosines = 0;
    for (double v : x) {
      squares += v * v;
      cosines += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
  }

  private static Map<String, Object> space(int dimensions, double low, double high) {
    double[][] bounds = new double[dimensions][];
    for (int i = 0; i < dimensions; i++) {
      bounds[i] = new double[] {low, high};
    }
    return space(bounds);
  }

  private static Map<String, Object> space(double[][] bounds) {
    Map<String, Object> space = new LinkedHashMap<>();
    for (int i = 0; i < bounds.length; i++) {
      space.put("x" + i, Map.of("_type", "uniform", "_value", List.of(bounds[i][0], bounds[i][1])));
    }
    return space;
  }
}
