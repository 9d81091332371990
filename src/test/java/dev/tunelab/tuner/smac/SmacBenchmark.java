package dev.tunelab.tuner.smac;

import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import dev.tunelab.tuner.TunerFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Prints how SMAC compares with Random on closed-form problems, and how long a proposal takes. Not
 * part of the build (surefire runs *Test classes only); run it with {@code ./mvnw -B -ntp -o test
 * -Dtest=SmacBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SmacBenchmark {

  private static final int SEEDS = 10;
  private static final int TRIALS = 100;
  private static final int[] CHECKPOINTS = {25, 50, 100};

  @Test
  void printsBestValuesAndLatency() {
    System.out.printf("%-12s %-16s %s%n", "problem", "tuner", "best after 25 / 50 / 100 trials");
    for (BenchmarkProblems.Problem problem :
        List.of(
            BenchmarkProblems.branin(),
            BenchmarkProblems.hartmann6(),
            BenchmarkProblems.rosenbrock4(),
            BenchmarkProblems.ackley5())) {
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
    double[] millis = new double[reps];
    for (int r = 0; r < reps; r++) {
      Tuner smac = create("SMAC", problem, r);
      long start = System.nanoTime();
      smac.suggest(history, 1);
      millis[r] = (System.nanoTime() - start) / 1e6;
    }
    double[] measured = Arrays.copyOfRange(millis, 5, reps);
    System.out.printf(
        "latency: one proposal after %d completed Hartmann6 trials: median %.1f ms, max %.1f ms"
            + " (first %d calls were warm-up)%n",
        completed, median(measured), Arrays.stream(measured).max().orElseThrow(), 5);
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
