package dev.tunelab.dashboard;

import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.experiment.ExperimentView;
import dev.tunelab.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chart data for the experiment page, shaped and downsampled on the server. */
@RestController
@RequestMapping("/api/v1/experiments/{id}/charts")
@Tag(name = "Charts")
class ChartApiController {

  private static final int MAX_SERIES = 50;

  private final ChartQueries charts;
  private final ExperimentService experiments;

  ChartApiController(ChartQueries charts, ExperimentService experiments) {
    this.charts = charts;
    this.experiments = experiments;
  }

  @Operation(
      summary =
          "Every trial's final metric with its parameters, in trial order; top=N keeps the best N percent (for parallel coordinates)")
  @GetMapping("/finals")
  ChartQueries.Finals finals(
      @PathVariable String id, @RequestParam(defaultValue = "100") double top) {
    ExperimentView experiment = experiments.get(id);
    if (!(top > 0 && top <= 100)) {
      throw new InvalidInputException(
          "top", "must be a percentage above 0 and at most 100, not " + top);
    }
    List<ChartQueries.Final> all = charts.finals(id);
    if (top < 100) {
      Comparator<ChartQueries.Final> better = Comparator.comparingDouble(ChartQueries.Final::value);
      if (experiment.optimizeMode().equals("maximize")) {
        better = better.reversed();
      }
      int keep = (int) Math.ceil(all.size() * top / 100);
      all =
          all.stream()
              .sorted(better)
              .limit(keep)
              .sorted(Comparator.comparingInt(ChartQueries.Final::sequenceId))
              .toList();
    }
    return new ChartQueries.Finals(experiment.optimizeMode(), all);
  }

  @Operation(
      summary = "Each started trial's duration in seconds (to now while running), in trial order")
  @GetMapping("/durations")
  List<ChartQueries.TrialDuration> durations(@PathVariable String id) {
    experiments.require(id);
    return charts.durations(id);
  }

  @Operation(
      summary =
          "Intermediate results of some trials (trials=id,id; default the best 10 and the 10 latest), each downsampled to at most points")
  @GetMapping("/intermediates")
  List<ChartQueries.Series> intermediates(
      @PathVariable String id,
      @RequestParam(required = false) String trials,
      @RequestParam(defaultValue = "300") int points) {
    ExperimentView experiment = experiments.get(id);
    if (points < 4 || points > 10_000) {
      throw new InvalidInputException("points", "must be between 4 and 10000, not " + points);
    }
    List<String> wanted =
        trials == null || trials.isBlank()
            ? charts.bestAndLatest(id, experiment.optimizeMode(), 10)
            : Arrays.stream(trials.split(",")).map(String::trim).distinct().toList();
    if (wanted.size() > MAX_SERIES) {
      throw new InvalidInputException(
          "trials", "at most " + MAX_SERIES + " trials at once, not " + wanted.size());
    }
    return charts.intermediates(id, wanted, points);
  }
}
