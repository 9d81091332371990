package dev.tunelab.experiment;

import dev.tunelab.web.PageView;
import dev.tunelab.web.Paging;
import dev.tunelab.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Experiments over REST: create one from an NNI config (JSON or YAML), read, change, stop. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments")
class ExperimentApiController {

  private final ExperimentService experiments;

  ExperimentApiController(ExperimentService experiments) {
    this.experiments = experiments;
  }

  @Operation(summary = "Create and start an experiment from an NNI v2 config, as JSON or YAML")
  @PostMapping(
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml"
      })
  ResponseEntity<ExperimentView> create(
      @RequestBody(required = false) String body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
    ExperimentView created = experiments.create(RequestBodies.parse(body, type));
    return ResponseEntity.created(URI.create("/api/v1/experiments/" + created.id())).body(created);
  }

  @Operation(summary = "List experiments, newest first")
  @GetMapping
  PageView<ExperimentSummary> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return PageView.of(
        experiments.list(Paging.of(page, size, Sort.unsorted())), summary -> summary);
  }

  @Operation(summary = "Get an experiment: status, config, times, trial counts and best trial")
  @GetMapping("/{id}")
  ExperimentView get(@PathVariable String id) {
    return experiments.get(id);
  }

  @Operation(
      summary =
          "Change trialConcurrency, maxTrialNumber, maxExperimentDuration or searchSpace (null removes a limit)")
  @PatchMapping(
      path = "/{id}",
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        "application/merge-patch+json",
        "application/yaml"
      })
  ExperimentView update(
      @PathVariable String id,
      @RequestBody(required = false) String body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
    return experiments.update(id, RequestBodies.parse(body, type));
  }

  @Operation(
      summary =
          "Import earlier results, [{parameter: {...}, value: number}], to warm-start the tuner"
              + " (NNI's import-data)")
  @PostMapping(path = "/{id}/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Integer> importResults(
      @PathVariable String id, @RequestBody(required = false) String body) {
    return Map.of(
        "imported",
        experiments.importResults(id, RequestBodies.parse(body, MediaType.APPLICATION_JSON)));
  }

  @Operation(
      summary = "Stop an experiment: running trials get SIGTERM, then SIGKILL after a grace period")
  @PostMapping("/{id}/stop")
  ExperimentView stop(@PathVariable String id) {
    return experiments.stop(id);
  }

  @Operation(summary = "Resume a STOPPED, DONE or ERROR experiment from its stored history")
  @PostMapping("/{id}/resume")
  ExperimentView resume(@PathVariable String id) {
    return experiments.resume(id);
  }
}
