package dev.tunelab.trial;

import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Results of a whole experiment: statistics by status, and export as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/experiments/{id}")
@Tag(name = "Results")
class ResultApiController {

  private final TrialRepository trials;
  private final ExperimentService experiments;

  ResultApiController(TrialRepository trials, ExperimentService experiments) {
    this.trials = trials;
    this.experiments = experiments;
  }

  @Operation(
      summary = "Trials by status, as NNI's job statistics: [{trialJobStatus, trialJobNumber}]")
  @GetMapping("/statistics")
  List<JobStatistic> statistics(@PathVariable String id) {
    experiments.require(id);
    return trials.countByStatus(id).stream()
        .sorted(Comparator.comparing(TrialRepository.StatusCount::getStatus))
        .map(count -> new JobStatistic(count.getStatus(), count.getCount()))
        .toList();
  }

  /** How many trials have one status, named as NNI's job statistics name it. */
  record JobStatistic(TrialStatus trialJobStatus, long trialJobNumber) {}

  @Operation(
      summary =
          "Export the succeeded trials' parameters and final metrics, as json (NNI's export-data shape) or csv")
  @GetMapping("/export")
  ResponseEntity<?> export(
      @PathVariable String id, @RequestParam(defaultValue = "json") String format) {
    experiments.require(id);
    ResultExport export =
        new ResultExport(
            trials.findByExperimentIdAndStatusOrderBySequenceId(id, TrialStatus.SUCCEEDED));
    String file = "attachment; filename=\"" + id + "." + format + "\"";
    return switch (format) {
      case "json" ->
          ResponseEntity.ok()
              .header(HttpHeaders.CONTENT_DISPOSITION, file)
              .contentType(MediaType.APPLICATION_JSON)
              .body(export.json());
      case "csv" ->
          ResponseEntity.ok()
              .header(HttpHeaders.CONTENT_DISPOSITION, file)
              .contentType(new MediaType("text", "csv"))
              .body(export.csv());
      default ->
          throw new InvalidInputException(
              "format", "'" + format + "' is not an export format; allowed: " + "json, csv");
    };
  }
}
