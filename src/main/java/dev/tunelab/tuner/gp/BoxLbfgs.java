package dev.tunelab.tuner.gp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Minimises a smooth function inside a box with projected L-BFGS: quasi-Newton directions over the
 * variables not held at a bound, a backtracking (Armijo) search along the projected path, and the
 * memory dropped whenever it stops giving descent. A small stand-in for SciPy's L-BFGS-B, which
 * commons-math3 lacks. Deterministic; stateless.
 */
final class BoxLbfgs {

  private static final int MEMORY = 8;
  private static final double ARMIJO = 1e-4;
  private static final double RELATIVE_TOLERANCE = 1e-10;

  private BoxLbfgs() {}

  /** A function with its gradient. */
  interface Objective {
    /**
     * The value at {@code x}, writing the gradient into {@code gradient}; infinite where the
     * function is not defined, which the search then avoids.
     */
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** Where the search stopped and the value there. */
  record Result(double[] point, double value) {}

  /**
   * Minimises {@code f} from {@code start} (clamped into the box).
   *
   * @param firstStep the largest change of any variable in the first, gradient-only step
   * @param maxEvaluations how many times {@code f} may be evaluated
   */
  static Result minimize(
      Objective f,
      double[] start,
      double[] lower,
      double[] upper,
      double firstStep,
      int maxEvaluations) {
    int n = start.length;
    double[] x = clamp(start, lower, upper);
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    int evaluations = 1;
    Deque<double[][]> memory = new ArrayDeque<>();
    while (Double.isFinite(fx) && evaluations < maxEvaluations) {
      double[] free = g.clone();
      for (int i = 0; i < n; i++) {
        if ((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)) {
          free[i] = 0;
        }
      }
      if (maxAbs(free) == 0) {
        break;
      }
      double[] d = direction(free, memory);
      if (GaussianProcess.dot(d, g) >= 0) {
        memory.clear();
        d = negate(free);
      }
      double t = memory.isEmpty() ? Math.min(1, firstStep / maxAbs(d)) : 1;
      double[] gt = new double[n];
      double[] xt = null;
      double ft = Double.NaN;
      boolean accepted = false;
      for (int tries = 0; tries < 30 && evaluations < maxEvaluations && !accepted; tries++) {
        xt = clamp(add(x, t, d), lower, upper);
        double decrease = GaussianProcess.dot(g, subtract(xt, x));
        if (decrease >= 0) {
          break;
        }
        ft = f.valueAndGradient(xt, gt);
        evaluations++;
        accepted = ft <= fx + ARMIJO * decrease;
        t *= 0.5;
      }
      if (!accepted) {
        if (memory.isEmpty()) {
          break;
        }
        memory.clear();
        continue;
      }
      double[] s = subtract(xt, x);
      double[] yv = subtract(gt, g);
      double sy = GaussianProcess.dot(s, yv);
      if (sy > 1e-12 * GaussianProcess.dot(yv, yv)) {
        memory.addFirst(new double[][] {s, yv, {1 / sy}});
        if (memory.size() > MEMORY) {
          memory.removeLast();
        }
      }
      boolean converged = fx - ft <= RELATIVE_TOLERANCE * Math.max(Math.abs(fx), 1e-300);
      x = xt;
      fx = ft;
      g = gt;
      if (converged) {
        break;
      }
    }
    return new Result(x, fx);
  }

  // The two-loop recursion: minus the inverse-Hessian estimate times the gradient.
  private static double[] direction(double[] gradient, Deque<double[][]> memory) {
    double[] q = gradient.clone();
    double[] alphas = new double[memory.size()];
    int k = 0;
    for (double[][] pair : memory) {
      alphas[k] = pair[2][0] * GaussianProcess.dot(pair[0], q);
      axpy(-alphas[k++], pair[1], q);
    }
    if (!memory.isEmpty()) {
      double[][] last = memory.peekFirst();
      double gamma = 1 / (last[2][0] * GaussianProcess.dot(last[1], last[1]));
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    Iterator<double[][]> oldestFirst = memory.descendingIterator();
    for (k = memory.size() - 1; oldestFirst.hasNext(); k--) {
      double[][] pair = oldestFirst.next();
      double beta = pair[2][0] * GaussianProcess.dot(pair[1], q);
      axpy(alphas[k] - beta, pair[0], q);
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = gradient[i] == 0 ? 0 : -q[i];
    }
    return q;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double[] clamp(double[] x, double[] lower, double[] upper) {
    double[] clamped = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      clamped[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
    return clamped;
  }

  private static double[] add(double[] x, double t, double[] d) {
    double[] sum = x.clone();
    axpy(t, d, sum);
    return sum;
  }

  private static double[] subtract(double[] a, double[] b) {
    double[] difference = a.clone();
    axpy(-1, b, difference);
    return difference;
  }

  private static double[] negate(double[] x) {
    double[] negated = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negated[i] = -x[i];
    }
    return negated;
  }

  private static double maxAbs(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
