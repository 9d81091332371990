package dev.tunelab.tuner.benchmark;

import dev.tunelab.searchspace.SearchSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Two small model-tuning problems in the style of scikit-learn examples, computed in Java on fixed
 * synthetic data (the harness under bench/tuners runs the real scikit-learn ones): kernel ridge
 * regression (two log-scaled parameters and a numeric choice) and k-nearest-neighbour regression
 * (an integer, a q-uniform, a uniform and a log-uniform parameter). The loss is the validation mean
 * squared error.
 */
public final class LearningProblems {

  private static final Data RIDGE = Data.generate(200, 100, 5, 11);
  private static final Data NEIGHBOURS = Data.generate(300, 150, 6, 12);

  private LearningProblems() {}

  public static List<Problem> all() {
    return List.of(kernelRidge(), nearestNeighbours());
  }

  /** alpha and gamma log-uniform, the kernel's exponent 1 (Laplacian) or 2 (RBF). */
  public static Problem kernelRidge() {
    SearchSpace space =
        space(
            "alpha", Map.of("_type", "loguniform", "_value", List.of(1e-6, 10.0)),
            "gamma", Map.of("_type", "loguniform", "_value", List.of(1e-3, 100.0)),
            "power", Map.of("_type", "choice", "_value", List.of(1, 2)));
    return new Problem(
        "KernelRidge",
        space,
        p -> RIDGE.kernelRidge(number(p, "alpha"), number(p, "gamma"), number(p, "power")),
        Double.NaN,
        40);
  }

  /** k, the Minkowski exponent, the distance-weight power and the weight of two noise features. */
  public static Problem nearestNeighbours() {
    SearchSpace space =
        space(
            "k", Map.of("_type", "randint", "_value", List.of(1, 51)),
            "p", Map.of("_type", "quniform", "_value", List.of(1.0, 4.0, 0.5)),
            "w", Map.of("_type", "uniform", "_value", List.of(0.0, 3.0)),
            "noise_weight", Map.of("_type", "loguniform", "_value", List.of(0.01, 10.0)));
    return new Problem(
        "NearestNeighbours",
        space,
        p ->
            NEIGHBOURS.neighbours(
                (int) number(p, "k"), number(p, "p"), number(p, "w"), number(p, "noise_weight")),
        Double.NaN,
        40);
  }

  // Parameters in the order given (Map.of would shuffle them from run to run).
  private static SearchSpace space(Object... namesAndSpecs) {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndSpecs.length; i += 2) {
      json.put((String) namesAndSpecs[i], namesAndSpecs[i + 1]);
    }
    return SearchSpace.parse(json);
  }

  private static double number(Map<String, Object> parameters, String name) {
    return ((Number) parameters.get(name)).doubleValue();
  }

  /** Inputs in [-1, 1]^d whose last two features are noise; a smooth target plus noise. */
  private record Data(double[][] train, double[] trainY, double[][] test, double[] testY) {

    static Data generate(int n, int m, int d, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      double[][] x = new double[n + m][d];
      double[] y = new double[n + m];
      for (int i = 0; i < n + m; i++) {
        for (int j = 0; j < d; j++) {
          x[i][j] = rng.nextDouble(-1, 1);
        }
        y[i] =
            Math.sin(3 * x[i][0])
                + x[i][1] * x[i][1]
                - 0.5 * x[i][2] * x[i][0]
                + 0.1 * rng.nextGaussian();
      }
      return new Data(
          Arrays.copyOfRange(x, 0, n), Arrays.copyOfRange(y, 0, n),
          Arrays.copyOfRange(x, n, n + m), Arrays.copyOfRange(y, n, n + m));
    }

    double kernelRidge(double alpha, double gamma, double power) {
      int n = train.length;
      DMatrixRMaj k = new DMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        for (int l = 0; l < n; l++) {
          k.set(i, l, kernel(train[i], train[l], gamma, power) + (i == l ? alpha : 0));
        }
      }
      LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
      if (!solver.setA(k)) {
        return 10;
      }
      DMatrixRMaj weights = new DMatrixRMaj(n, 1);
      solver.solve(new DMatrixRMaj(n, 1, true, trainY), weights);
      double error = 0;
      for (int t = 0; t < test.length; t++) {
        double prediction = 0;
        for (int i = 0; i < n; i++) {
          prediction += weights.get(i) * kernel(test[t], train[i], gamma, power);
        }
        error += Math.pow(prediction - testY[t], 2);
      }
      return Math.min(10, error / test.length);
    }

    private static double kernel(double[] a, double[] b, double gamma, double power) {
      double sum = 0;
      for (int j = 0; j < a.length; j++) {
        sum += Math.pow(Math.abs(a[j] - b[j]), power);
      }
      return Math.exp(-gamma * sum);
    }

    double neighbours(int k, double p, double w, double noiseWeight) {
      int d = train[0].length;
      double error = 0;
      double[] distances = new double[train.length];
      Integer[] order = new Integer[train.length];
      for (int t = 0; t < test.length; t++) {
        double[] query = test[t];
        for (int i = 0; i < train.length; i++) {
          double sum = 0;
          for (int j = 0; j < d; j++) {
            double scale = j >= d - 2 ? noiseWeight : 1;
            sum += Math.pow(Math.abs(query[j] - train[i][j]) * scale, p);
          }
          distances[i] = Math.pow(sum, 1 / p);
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
        double total = 0;
        double weights = 0;
        for (int r = 0; r < k; r++) {
          double weight = Math.pow(distances[order[r]] + 1e-9, -w);
          total += weight * trainY[order[r]];
          weights += weight;
        }
        error += Math.pow(total / weights - testY[t], 2);
      }
      return error / test.length;
    }
  }
}
