import dev.tunelab.assessor.Assessor;
import dev.tunelab.assessor.AssessorCatalog;
import dev.tunelab.assessor.AssessorFactory;
import dev.tunelab.tuner.TunerArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What an assessor verdict costs on the runner's thread. Prints numbers, asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -o compile && java -cp
 * target/classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
 * bench/AssessorCost.java}
 */
public class AssessorCost {

  public static void main(String[] args) {
    medianstop(10_000, 100);
    curvefitting(200, 20, 20);
    curvefitting(20, 100, 100);
  }

  /** Every trial is assessed at every step (verdicts ignored), the worst case. */
  static void medianstop(int trials, int steps) {
    for (int round = 0; round < 3; round++) {
      Assessor assessor = create("Medianstop", Map.of());
      List<List<Double>> ended = new ArrayList<>();
      long stopped = 0;
      long start = System.nanoTime();
      for (int trial = 0; trial < trials; trial++) {
        List<Double> curve = curve(0.5 + 0.4 * ((trial * 7919) % 101) / 100.0, steps, trial);
        for (int step = 1; step <= steps; step++) {
          stopped += assessor.assess(trial, curve.subList(0, step)) == Assessor.Verdict.BAD ? 1 : 0;
        }
        assessor.trialEnded(trial, curve, true);
        ended.add(curve);
      }
      long elapsed = System.nanoTime() - start;
      long rebuildStart = System.nanoTime();
      Assessor rebuilt = create("Medianstop", Map.of());
      for (int trial = 0; trial < trials; trial++) {
        rebuilt.trialEnded(trial, ended.get(trial), true);
      }
      long rebuild = System.nanoTime() - rebuildStart;
      System.out.printf(
          "Medianstop %,d trials x %d steps: %.2f s, %.0f ns per assess (incl. ends),"
              + " %,d BAD; rebuild from %,d ended trials %.0f ms%n",
          trials, steps, elapsed / 1e9, (double) elapsed / trials / steps, stopped, trials,
          rebuild / 1e6);
    }
  }

  static void curvefitting(int trials, int steps, int epochNum) {
    Assessor assessor = create("Curvefitting", Map.of("epoch_num", epochNum));
    assessor.trialEnded(-1, curve(0.9, steps, -1), true);
    long calls = 0;
    long worst = 0;
    long start = System.nanoTime();
    for (int trial = 0; trial < trials; trial++) {
      List<Double> curve = curve(0.3 + 0.6 * ((trial * 7919) % 101) / 100.0, steps, trial);
      for (int step = 1; step <= steps; step++) {
        long before = System.nanoTime();
        assessor.assess(trial, curve.subList(0, step));
        worst = Math.max(worst, System.nanoTime() - before);
        calls++;
      }
    }
    long elapsed = System.nanoTime() - start;
    System.out.printf(
        "Curvefitting %d trials x %d steps, epoch_num %d: %.2f s, %.2f ms per assess, worst %.1f ms%n",
        trials, steps, epochNum, elapsed / 1e9, elapsed / 1e6 / calls, worst / 1e6);
  }

  static Assessor create(String name, Map<String, ?> classArgs) {
    AssessorFactory factory = AssessorCatalog.builtIn().find(name).orElseThrow();
    return factory.create(TunerArgs.bind(factory.arguments(), classArgs, 1));
  }

  static List<Double> curve(double level, int steps, long seed) {
    SplittableRandom noise = new SplittableRandom(seed);
    List<Double> curve = new ArrayList<>();
    for (int epoch = 1; epoch <= steps; epoch++) {
      curve.add(level * (1 - Math.exp(-epoch * 6.0 / steps)) + 0.01 * noise.nextGaussian());
    }
    return curve;
  }
}
