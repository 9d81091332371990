package dev.tunelab.bench;

import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.Suggestions;
import dev.tunelab.tuner.TrialRecord;
import dev.tunelab.tuner.Tuner;
import dev.tunelab.tuner.TunerArgs;
import dev.tunelab.tuner.TunerCatalog;
import dev.tunelab.tuner.TunerFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tunelab's tuners in-process, for bench/tuners/compare.py. Modes, each printing JSON lines:
 *
 * <ul>
 *   <li>{@code functions TUNER[,TUNER...] TRIALS SEEDS}: best-so-far curves on the closed-form
 *       problems, one line per tuner, problem and seed;
 *   <li>{@code latency TUNER N[,N...]}: milliseconds per suggestion with N completed trials on
 *       Hartmann6;
 *   <li>{@code serve}: ask/tell over stdin/stdout for problems the Python side evaluates.
 * </ul>
 */
public final class TunerBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TunerCatalog CATALOG = TunerCatalog.builtIn();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "functions" -> functions(args[1].split(","), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "latency" -> latency(args[1], args[2].split(","));
      case "serve" -> serve();
      case "list" -> CATALOG.names().forEach(System.out::println);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static Tuner tuner(String name, Map<String, Object> space, long seed) {
    TunerFactory factory = CATALOG.find(name).orElseThrow(() -> new IllegalArgumentException("no tuner " + name));
    Map<String, Object> classArgs = new HashMap<>();
    if (factory.arguments().stream().anyMatch(arg -> arg.name().equals("optimize_mode"))) {
      classArgs.put("optimize_mode", "minimize");
    }
    if (factory.arguments().stream().anyMatch(arg -> arg.name().equals("seed"))) {
      classArgs.put("seed", seed);
    }
    return factory.create(SearchSpace.parse(space), TunerArgs.bind(factory.arguments(), classArgs, seed));
  }

  private static void functions(String[] tuners, int trials, int seeds) {
    for (String name : tuners) {
      for (Problems.Problem problem : Problems.all()) {
        int dimensions = problem.space().size();
        for (int seed = 0; seed < seeds; seed++) {
          Tuner tuner = tuner(name, problem.space(), seed);
          List<TrialRecord> history = new ArrayList<>();
          List<Double> best = new ArrayList<>();
          double bestSoFar = Double.POSITIVE_INFINITY;
          long nanos = 0;
          for (int t = 0; t < trials; t++) {
            long start = System.nanoTime();
            Suggestions suggestions = tuner.suggest(history, 1);
            nanos += System.nanoTime() - start;
            if (suggestions.parameters().isEmpty()) {
              break;
            }
            Map<String, Object> parameters = suggestions.parameters().get(0);
            double value = problem.objective().applyAsDouble(Problems.point(parameters, dimensions));
            history.add(new TrialRecord(t, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(value)));
            bestSoFar = Math.min(bestSoFar, value);
            best.add(bestSoFar);
          }
          System.out.println(JSON.writeValueAsString(Map.of("tuner", name, "problem", problem.name(), "seed", seed, "best", best, "msPerSuggestion", nanos / 1e6 / Math.max(1, best.size()))));
        }
      }
    }
  }

  private static void latency(String name, String[] sizes) {
    Problems.Problem hartmann = Problems.all().get(1);
    for (String size : sizes) {
      int completed = Integer.parseInt(size);
      SplittableRandom random = new SplittableRandom(completed);
      List<TrialRecord> history = new ArrayList<>();
      SearchSpace space = SearchSpace.parse(hartmann.space());
      for (int i = 0; i < completed; i++) {
        Map<String, Object> parameters = space.sample(random);
        history.add(new TrialRecord(i, parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(hartmann.objective().applyAsDouble(Problems.point(parameters, 6)))));
      }
      Tuner tuner = tuner(name, hartmann.space(), 1);
      int rounds = completed >= 10_000 ? 10 : 30;
      double[] times = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        Map<String, Object> parameters = tuner.suggest(history, 1).parameters().get(0);
        times[round] = (System.nanoTime() - start) / 1e6;
        history.add(new TrialRecord(history.size(), parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(hartmann.objective().applyAsDouble(Problems.point(parameters, 6)))));
      }
      java.util.Arrays.sort(times);
      System.out.println(JSON.writeValueAsString(Map.of("tuner", name, "completed", completed, "medianMs", times[rounds / 2], "maxMs", times[rounds - 1])));
    }
  }

  /**
   * Reads {@code {"tuner": "TPE", "space": {...}, "seed": 1}}, then {@code {"suggest": true}}
   * (answered with the parameters) and {@code {"tell": {"parameters": {...}, "value": 0.3}}}.
   */
  private static void serve() throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    Tuner tuner = null;
    List<TrialRecord> history = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      Map<String, Object> message = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
      if (message.containsKey("tuner")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> space = (Map<String, Object>) message.get("space");
        tuner = tuner((String) message.get("tuner"), space, ((Number) message.get("seed")).longValue());
        history.clear();
        System.out.println("{}");
      } else if (message.containsKey("suggest")) {
        Suggestions suggestions = tuner.suggest(history, 1);
        System.out.println(JSON.writeValueAsString(suggestions.parameters().isEmpty() ? Map.of() : suggestions.parameters().get(0)));
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> tell = (Map<String, Object>) message.get("tell");
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) tell.get("parameters");
        history.add(new TrialRecord(history.size(), parameters, TrialRecord.State.SUCCEEDED, OptionalDouble.of(((Number) tell.get("value")).doubleValue())));
        System.out.println("{}");
      }
      System.out.flush();
    }
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
