package dev.tunelab.tuner.benchmark;

import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import dev.tunelab.tuner.TunerFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the quality (mean and median best loss at a quarter, half and all of the budget, over 10
 * seeds) of tuners on the closed-form and learning problems, and the GP's suggestion latency. Not
 * part of the build (surefire runs only *Test classes); run it with
 *
 * <pre>
 * ./mvnw -B -ntp -o test -Dtest=TunerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.run=true -Dbench.tuners=GP,CMAES,Random -Dbench.problems=Branin,Hartmann6
 * </pre>
 *
 * It is skipped unless {@code bench.run=true}, so that test patterns such as {@code
 * dev.tunelab.tuner.**} pass over it. The other properties are optional: {@code bench.seeds} (10),
 * {@code -Dbench.latency=false} skips the latency part and {@code -Dbench.quality=false} the
 * quality part.
 */
class TunerBenchmark {

  private static final TunerCatalog CATALOG = TunerCatalog.builtIn();

  /** The same as the test, for running from a plain {@code java} command line. */
  public static void main(String[] args) {
    new TunerBenchmark().printsQualityAndLatency();
  }

  @Test
  @EnabledIfSystemProperty(named = "bench.run", matches = "true")
  void printsQualityAndLatency() {
    List<String> tuners = list("bench.tuners", "GP,CMAES,Random");
    List<String> problems = list("bench.problems", "");
    int seeds = Integer.getInteger("bench.seeds", 10);
    if (Boolean.parseBoolean(System.getProperty("bench.quality", "true"))) {
      for (Problem problem :
          Stream.concat(Problems.closedForm().stream(), LearningProblems.all().stream())
              .filter(p -> problems.isEmpty() || problems.contains(p.name()))
              .toList()) {
        for (String tuner : tuners) {
          CATALOG.find(tuner).ifPresent(factory -> quality(factory, problem, seeds));
        }
      }
    }
    if (Boolean.parseBoolean(System.getProperty("bench.latency", "true"))) {
      for (String tuner : tuners) {
        if (!tuner.equalsIgnoreCase("Random")) {
          CATALOG.find(tuner).ifPresent(TunerBenchmark::latency);
        }
      }
    }
  }

  private static void quality(TunerFactory factory, Problem problem, int seeds) {
    int budget = problem.budget();
    int[] checkpoints = {budget / 4, budget / 2, budget};
    double[][] best = new double[checkpoints.length][seeds];
    long started = System.nanoTime();
    int first = Integer.getInteger("bench.firstSeed", 0);
    for (int seed = 0; seed < seeds; seed++) {
      double[] curve = bestCurve(factory, problem, first + seed, budget);
      for (int c = 0; c < checkpoints.length; c++) {
        best[c][seed] = curve[checkpoints[c] - 1];
      }
    }
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "%-18s %-7s", problem.name(), factory.name()));
    for (int c = 0; c < checkpoints.length; c++) {
      line.append(
          String.format(
              Locale.ROOT,
              " | @%-3d mean %9.4f median %9.4f",
              checkpoints[c],
              Arrays.stream(best[c]).average().orElse(Double.NaN),
              median(best[c])));
    }
    line.append(String.format(Locale.ROOT, " | %.1f s", (System.nanoTime() - started) / 1e9));
    System.out.println(line);
  }

  /**
   * The best loss after each finished trial of one run that keeps {@code bench.concurrency} trials
   * (default 1) running and finishes the oldest first.
   */
  static double[] bestCurve(TunerFactory factory, Problem problem, long seed, int budget) {
    int concurrency = Integer.getInteger("bench.concurrency", 1);
    Tuner tuner = create(factory, problem, seed);
    List<TrialRecord> history = new ArrayList<>();
    ArrayDeque<Integer> running = new ArrayDeque<>();
    double[] curve = new double[budget];
    double best = Double.POSITIVE_INFINITY;
    int finished = 0;
    while (finished < budget) {
      int wanted = Math.min(concurrency - running.size(), budget - history.size());
      if (wanted > 0) {
        Suggestions suggestions = tuner.suggest(history, wanted);
        for (Map<String, Object> parameters : suggestions.parameters()) {
          running.add(history.size());
          history.add(
              new TrialRecord(
                  history.size(), parameters, TrialRecord.State.PENDING, OptionalDouble.empty()));
        }
      }
      if (running.isEmpty()) {
        Arrays.fill(curve, finished, budget, best);
        break;
      }
      int done = running.poll();
      TrialRecord trial = history.get(done);
      double loss = problem.evaluate(trial.parameters());
      history.set(
          done,
          new TrialRecord(
              done, trial.parameters(), TrialRecord.State.SUCCEEDED, OptionalDouble.of(loss)));
      best = Math.min(best, loss);
      curve[finished++] = best;
    }
    return curve;
  }

  static Tuner create(TunerFactory factory, Problem problem, long seed) {
    boolean seeded = factory.arguments().stream().anyMatch(a -> a.name().equals("seed"));
    Map<String, Object> args =
        seeded
            ? Map.of("optimize_mode", "minimize", "seed", seed)
            : Map.of("optimize_mode", "minimize");
    return factory.create(problem.space(), TunerArgs.bind(factory.arguments(), args, seed));
  }

  private static void latency(TunerFactory factory) {
    Problem problem = Problems.hartmann6();
    for (int completed : new int[] {100, 300, 1000}) {
      List<TrialRecord> history = new ArrayList<>();
      for (int t = 0; t < completed; t++) {
        Map<String, Object> parameters = problem.space().sample(SeededRandom.forDraw(7, t));
        history.add(
            new TrialRecord(
                t,
                parameters,
                TrialRecord.State.SUCCEEDED,
                OptionalDouble.of(problem.evaluate(parameters))));
      }
      for (int warm = 0; warm < 5; warm++) {
        create(factory, problem, 1000 + warm).suggest(history, 1);
      }
      double[] millis = new double[15];
      double[] cpu = new double[millis.length];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int r = 0; r < millis.length; r++) {
        Tuner tuner = create(factory, problem, r);
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        tuner.suggest(history, 1);
        cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        millis[r] = (System.nanoTime() - start) / 1e6;
      }
      System.out.printf(
          Locale.ROOT,
          "latency %-7s Hartmann6 %5d completed: median %6.1f ms, max %6.1f ms; CPU median %6.1f"
              + " ms, max %6.1f ms (fresh tuner, 1 suggestion, %d runs)%n",
          factory.name(),
          completed,
          median(millis),
          Arrays.stream(millis).max().orElse(Double.NaN),
          median(cpu),
          Arrays.stream(cpu).max().orElse(Double.NaN),
          millis.length);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static List<String> list(String property, String fallback) {
    String value = System.getProperty(property, fallback);
    return value.isBlank() ? List.of() : List.of(value.split(","));
  }
}
