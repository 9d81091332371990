package dev.tunelab.metric;

import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialNotFoundException;
import dev.tunelab.trial.TrialRepository;
import dev.tunelab.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Metrics over REST, read incrementally: pass the {@code next} cursor of one call to the next. */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "Metrics")
class MetricApiController {

  private static final int MAX_LIMIT = 10_000;

  private final MetricQueries metrics;
  private final TrialRepository trials;
  private final ExperimentService experiments;

  MetricApiController(
      MetricQueries metrics, TrialRepository trials, ExperimentService experiments) {
    this.metrics = metrics;
    this.trials = trials;
    this.experiments = experiments;
  }

  @Operation(summary = "The experiment's metrics with ids after the cursor, oldest first")
  @GetMapping("/metrics")
  MetricPage ofExperiment(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "1000") int limit) {
    experiments.require(id);
    return metrics.ofExperiment(id, after, checked(limit));
  }

  @Operation(
      summary =
          "One trial's metrics of one type (PERIODICAL by default, or FINAL) in sequence order,"
              + " after the sequence number given as the cursor")
  @GetMapping("/trials/{trialId}/metrics")
  MetricPage ofTrial(
      @PathVariable String id,
      @PathVariable String trialId,
      @RequestParam(defaultValue = "PERIODICAL") String type,
      @RequestParam(defaultValue = "-1") long after,
      @RequestParam(defaultValue = "1000") int limit) {
    experiments.require(id);
    Trial trial =
        trials
            .findByExperimentIdAndTrialId(id, trialId)
            .orElseThrow(() -> new TrialNotFoundException(id, trialId));
    return metrics.ofTrial(trial.id(), type(type), after, checked(limit));
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    return limit;
  }

  private static MetricType type(String type) {
    try {
      return MetricType.valueOf(type.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "type", "'" + type + "' is not a metric type; allowed: PERIODICAL, FINAL");
    }
  }
}
