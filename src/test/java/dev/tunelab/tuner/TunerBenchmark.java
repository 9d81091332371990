package dev.tunelab.tuner;

import dev.tunelab.searchspace.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how well and how fast the model-based tuners minimise {@link ClosedFormProblems}: mean and
 * median best value after 25, 50 and 100 sequential trials over 10 seeds, and the time of one
 * suggestion after 100, 1,000 and 10,000 completed trials. Not part of the build (its name does not
 * match the test patterns); run it with {@code ./mvnw -B -ntp -o test -Dtest=TunerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Optionally {@code -Dbench.tuners=TPE,Random}.
 */
class TunerBenchmark {

  private static final int SEEDS = Integer.getInteger("bench.seeds", 10);
  private static final int SEED_OFFSET = Integer.getInteger("bench.seedOffset", 0);
  private static final int[] CHECKPOINTS = {25, 50, 100};

  /** Runs the benchmark from the test class path, with the same properties. */
  public static void main(String[] args) {
    new TunerBenchmark().printsQualityAndLatency();
  }

  @Test
  @EnabledIfSystemProperty(named = "bench", matches = "true")
  void printsQualityAndLatency() {
    String[] tuners = System.getProperty("bench.tuners", "Random,TPE,Anneal,Evolution").split(",");
    for (ClosedFormProblems.Problem problem : ClosedFormProblems.all()) {
      if (Boolean.getBoolean("bench.skipQuality")) {
        break;
      }
      for (String tuner : tuners) {
        quality(tuner.trim(), problem);
      }
    }
    if (!Boolean.getBoolean("bench.skipLatency")) {
      for (String tuner : tuners) {
        for (ClosedFormProblems.Problem problem :
            List.of(ClosedFormProblems.branin(), ClosedFormProblems.hartmann6())) {
          latency(tuner.trim(), problem);
        }
      }
    }
  }

  private static Tuner create(String name, SearchSpace space, long seed) {
    TunerFactory factory = TunerCatalog.builtIn().find(name).orElseThrow();
    Map<String, Object> args = new java.util.HashMap<>();
    args.put("optimize_mode", "minimize");
    args.put("seed", seed);
    String extra = System.getProperty("bench.args." + name, "");
    Map<String, Object> nested = new java.util.HashMap<>();
    for (String pair : extra.isBlank() ? new String[0] : extra.split(",")) {
      String[] kv = pair.split("=");
      Object value =
          kv[1].matches("-?\\d+")
              ? (Object) Long.parseLong(kv[1])
              : kv[1].matches("[-0-9.eE]+") ? (Object) Double.parseDouble(kv[1]) : kv[1];
      if (kv[0].contains(".")) {
        String[] path = kv[0].split("\\.");
        nested.put(path[1], value);
        args.put(path[0], nested);
      } else {
        args.put(kv[0], value);
      }
    }
    return factory.create(space, TunerArgs.bind(factory.arguments(), args, seed));
  }

  private static void quality(String name, ClosedFormProblems.Problem problem) {
    double[][] best = new double[CHECKPOINTS.length][SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      Tuner tuner = create(name, problem.space(), seed + SEED_OFFSET);
      List<TrialRecord> history = new ArrayList<>();
      double incumbent = Double.POSITIVE_INFINITY;
      for (int trial = 0; trial < CHECKPOINTS[CHECKPOINTS.length - 1]; trial++) {
        Map<String, Object> parameters = tuner.suggest(history, 1).parameters().get(0);
        double value = problem.evaluate(parameters);
        incumbent = Math.min(incumbent, value);
        history.add(completed(trial, parameters, value));
        for (int c = 0; c < CHECKPOINTS.length; c++) {
          if (trial + 1 == CHECKPOINTS[c]) {
            best[c][seed] = incumbent;
          }
        }
      }
    }
    StringBuilder line = new StringBuilder(String.format("%-14s %-10s", problem.name(), name));
    for (int c = 0; c < CHECKPOINTS.length; c++) {
      line.append(
          String.format(
              "  @%d mean %9.4f median %9.4f", CHECKPOINTS[c], mean(best[c]), median(best[c])));
    }
    System.out.println(line);
  }

  private static void latency(String name, ClosedFormProblems.Problem problem) {
    StringBuilder line =
        new StringBuilder(String.format("latency %-10s %-10s", problem.name(), name));
    for (int size : new int[] {100, 1_000, 10_000}) {
      RandomGenerator rng = SeededRandom.forDraw(7, size);
      List<TrialRecord> history = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        Map<String, Object> parameters = problem.space().sample(rng);
        history.add(completed(i, parameters, problem.evaluate(parameters)));
      }
      Tuner tuner = create(name, problem.space(), 1);
      int calls = size >= 10_000 ? 30 : 200;
      double[] times = new double[calls];
      for (int call = -calls; call < calls; call++) {
        long start = System.nanoTime();
        Map<String, Object> parameters = tuner.suggest(history, 1).parameters().get(0);
        long elapsed = System.nanoTime() - start;
        if (call >= 0) {
          times[call] = elapsed / 1e6;
        }
        history.add(completed(history.size(), parameters, problem.evaluate(parameters)));
      }
      line.append(
          String.format("  @%d median %.3f mean %.3f ms", size, median(times), mean(times)));
    }
    System.out.println(line);
  }

  private static TrialRecord completed(int id, Map<String, Object> parameters, double value) {
    return new TrialRecord(id, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
  }
}
