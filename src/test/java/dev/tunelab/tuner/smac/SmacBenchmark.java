package dev.tunelab.tuner.smac;

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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how SMAC compares with Random on closed-form problems, and how long a proposal takes. Not
 * part of the build: surefire runs *Test classes only, and a {@code -Dtest} pattern that matches
 * this class still skips it unless {@code tunelab.benchmark} is set. Run it (about a minute) with
 * {@code ./mvnw -B -ntp -o test -Dtest=SmacBenchmark -Dtunelab.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "tunelab.benchmark", matches = "true")
class SmacBenchmark {

  private static final int SEEDS = 10;
  private static final int TRIALS = 100;
  private static final int[] CHECKPOINTS = {25, 40, 50, 100};

  @Test
  void printsBestValuesAndLatency() {
    System.out.printf(
        "%-12s %-16s %s%n", "problem", "tuner", "best after 25 / 40 / 50 / 100 trials, 10 seeds");
    for (BenchmarkProblems.Problem problem :
        List.of(
            BenchmarkProblems.branin(),
            BenchmarkProblems.hartmann6(),
            BenchmarkProblems.rosenbrock4(),
            BenchmarkProblems.ackley5(),
            BenchmarkProblems.mixedHpo())) {
      report(problem, "Random", 1);
      report(problem, "SMAC", 1);
      report(problem, "SMAC", 4);
    }
    for (int completed : new int[] {100, 1000}) {
      latency(completed);
    }
  }

  private static void report(BenchmarkProblems.Problem problem, String tuner, int concurrency) {
    double[][] best = new double[CHECKPOINTS.length][SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      double[] curve = run(problem, tuner, seed, concurrency);
      for (int c = 0; c < CHECKPOINTS.length; c++) {
        best[c][seed] = curve[CHECKPOINTS[c] - 1];
      }
    }
    StringBuilder line = new StringBuilder();
    for (double[] values : best) {
      line.append(String.format("mean %9.4f median %9.4f | ", mean(values), median(values)));
    }
    String label = concurrency == 1 ? tuner : tuner + " (x" + concurrency + ")";
    System.out.printf("%-12s %-16s %s%n", problem.name(), label, line);
  }

  // Keeps `concurrency` trials running; each step finishes the oldest and asks for one more.
  private static double[] run(
      BenchmarkProblems.Problem problem, String name, long seed, int concurrency) {
    Tuner tuner = create(name, problem, seed);
    List<TrialRecord> history = new ArrayList<>();
    Deque<Integer> running = new ArrayDeque<>();
    double[] curve = new double[TRIALS];
    double best = Double.POSITIVE_INFINITY;
    int finished = 0;
    while (finished < TRIALS) {
      int wanted = Math.min(concurrency - running.size(), TRIALS - history.size());
      if (wanted > 0) {
        Suggestions suggestions = tuner.suggest(history, wanted);
        for (Map<String, Object> parameters : suggestions.parameters()) {
          running.add(history.size());
          history.add(
              new TrialRecord(
                  history.size(), parameters, TrialRecord.State.PENDING, OptionalDouble.empty()));
        }
      }
      int done = running.poll();
      TrialRecord trial = history.get(done);
      double value = problem.evaluate(trial.parameters());
      history.set(
          done,
          new TrialRecord(
              done, trial.parameters(), TrialRecord.State.SUCCEEDED, OptionalDouble.of(value)));
      best = Math.min(best, value);
      curve[finished++] = best;
    }
    return curve;
  }

  private static Tuner create(String name, BenchmarkProblems.Problem problem, long seed) {
    TunerFactory factory = TunerCatalog.builtIn().find(name).orElseThrow();
    return factory.create(
        problem.space(),
        TunerArgs.bind(
            factory.arguments(), Map.of("optimize_mode", "minimize", "seed", seed), seed));
  }

  private static void latency(int completed) {
    BenchmarkProblems.Problem problem = BenchmarkProblems.hartmann6();
    Tuner random = create("Random", problem, 7);
    List<TrialRecord> history = new ArrayList<>();
    for (Map<String, Object> parameters : random.suggest(List.of(), completed).parameters()) {
      history.add(
          new TrialRecord(
              history.size(),
              parameters,
              TrialRecord.State.SUCCEEDED,
              OptionalDouble.of(problem.evaluate(parameters))));
    }
    int reps = 15;
    int warmUp = 5;
    double[] wall = new double[reps - warmUp];
    double[] cpu = new double[reps - warmUp];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < reps; r++) {
      Tuner smac = create("SMAC", problem, r);
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      smac.suggest(history, 1);
      if (r >= warmUp) {
        wall[r - warmUp] = (System.nanoTime() - start) / 1e6;
        cpu[r - warmUp] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
      }
    }
    System.out.printf(
        "latency: one proposal after %d completed Hartmann6 trials: median %.1f ms wall"
            + " (max %.1f), median %.1f ms CPU (%d calls after %d for warm-up)%n",
        completed,
        median(wall),
        Arrays.stream(wall).max().orElseThrow(),
        median(cpu),
        reps - warmUp,
        warmUp);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
