package dev.tunelab.tuner.benchmark;

import dev.tunelab.searchspace.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Closed-form test functions (minimised), with the domains the benchmark harness uses. */
public final class Problems {

  private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] HARTMANN_A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] HARTMANN_P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  private Problems() {}

  /** Branin on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at three points. */
  public static Problem branin() {
    return new Problem(
        "Branin",
        uniformSpace(new double[] {-5, 0}, new double[] {10, 15}),
        p -> branin(vector(p, 2)),
        0.397887,
        100);
  }

  static double branin(double[] x) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double term = x[1] - b * x[0] * x[0] + c * x[0] - 6;
    return term * term + 10 * (1 - t) * Math.cos(x[0]) + 10;
  }

  /** Hartmann6 on [0, 1]^6; minimum -3.32237. */
  public static Problem hartmann6() {
    return new Problem(
        "Hartmann6",
        uniformSpace(filled(6, 0), filled(6, 1)),
        p -> hartmann6(vector(p, 6)),
        -3.32237,
        100);
  }

  static double hartmann6(double[] x) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        double d = x[j] - HARTMANN_P[i][j];
        inner += HARTMANN_A[i][j] * d * d;
      }
      sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  }

  /** Rosenbrock in 4 dimensions on [-5, 10]^4; minimum 0 at (1, 1, 1, 1). */
  public static Problem rosenbrock4() {
    return new Problem(
        "Rosenbrock4",
        uniformSpace(filled(4, -5), filled(4, 10)),
        p -> rosenbrock(vector(p, 4)),
        0,
        100);
  }

  static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
    }
    return sum;
  }

  /** Ackley in 5 dimensions on [-32.768, 32.768]^5; minimum 0 at the origin. */
  public static Problem ackley5() {
    return new Problem(
        "Ackley5",
        uniformSpace(filled(5, -32.768), filled(5, 32.768)),
        p -> ackley(vector(p, 5)),
        0,
        100);
  }

  static double ackley(double[] x) {
    double squares = 0;
    double cosines = 0;
    for (double v : x) {
      squares += v * v;
      cosines += Math.cos(2 * Math.PI * v);
    }
    int n = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(squares / n)) - Math.exp(cosines / n) + 20 + Math.E;
  }

  /** The four closed-form problems the harness runs with 100 trials. */
  public static List<Problem> closedForm() {
    return List.of(branin(), hartmann6(), rosenbrock4(), ackley5());
  }

  static SearchSpace uniformSpace(double[] low, double[] high) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < low.length; i++) {
      json.put("x" + i, Map.of("_type", "uniform", "_value", List.of(low[i], high[i])));
    }
    return SearchSpace.parse(json);
  }

  static double[] vector(Map<String, Object> parameters, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = ((Number) parameters.get("x" + i)).doubleValue();
    }
    return x;
  }

  private static double[] filled(int n, double value) {
    double[] x = new double[n];
    java.util.Arrays.fill(x, value);
    return x;
  }
}
