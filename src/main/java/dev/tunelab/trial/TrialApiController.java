package dev.tunelab.trial;

import dev.tunelab.experiment.ChangeFeed;
import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.experiment.ExperimentView;
import dev.tunelab.web.PageView;
import dev.tunelab.web.Paging;
import dev.tunelab.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trials of an experiment over REST: list (paged, filtered, sorted), what changed, get, cancel,
 * add a customised one.
 */
@RestController
@RequestMapping("/api/v1/experiments/{id}/trials")
@Tag(name = "Trials")
class TrialApiController {

  private final TrialRepository trials;
  private final ExperimentService experiments;
  private final TrialSearch search;
  private final ChangeFeed feed;
  private final Clock clock;

  TrialApiController(
      TrialRepository trials,
      TrialSearch search,
      ExperimentService experiments,
      ChangeFeed feed,
      Clock clock) {
    this.trials = trials;
    this.search = search;
    this.experiments = experiments;
    this.feed = feed;
    this.clock = clock;
  }

  @Operation(
      summary =
          "List trials, filtered by status, trial number (sequence=10..20), final metric"
              + " (metric=0.9..) and parameter values (param=name:value, repeatable), sorted by"
              + " sequenceId (default), finalMetric, status, startedAt or endedAt (-key for"
              + " descending)")
  @GetMapping
  PageView<TrialView> list(@PathVariable String id, @ParameterObject TrialQuery query) {
    experiments.require(id);
    return search.find(id, query);
  }

  @Operation(
      summary =
          "What changed after an event cursor: the changed trials and the experiment; start with"
              + " after=0 and pass next each time")
  @GetMapping("/changes")
  TrialChanges changes(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "1000") int limit) {
    ExperimentView experiment = experiments.get(id);
    ChangeFeed.Changes changes =
        feed.since(id, after, Paging.of(0, limit, Sort.unsorted()).getPageSize());
    List<TrialView> changed =
        trials.findAllById(changes.trialIds()).stream()
            .sorted(java.util.Comparator.comparingInt(Trial::sequenceId))
            .map(trial -> TrialView.of(trial, clock.instant()))
            .toList();
    return new TrialChanges(changes.next(), changes.more(), experiment, changed);
  }

  /**
   * What changed after a cursor.
   *
   * @param next the cursor for the next call
   * @param more whether there are more changes after {@code next}: call again at once
   * @param experiment the experiment now (status, counts, best trial)
   * @param trials the trials that changed, in sequence order
   */
  record TrialChanges(long next, boolean more, ExperimentView experiment, List<TrialView> trials) {}

  @Operation(
      summary =
          "Add a customised trial, {\"parameters\": {...}} with a value for each parameter: it runs"
              + " like any trial with parameter_source customized (409 when the experiment is not"
              + " running or its budget is used up, 400 when the parameters are not in the search space)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TrialView> customize(
      @PathVariable String id, @RequestBody(required = false) String body) {
    String trialId =
        experiments.addCustomizedTrial(id, RequestBodies.parse(body, MediaType.APPLICATION_JSON));
    return ResponseEntity.created(URI.create("/api/v1/experiments/" + id + "/trials/" + trialId))
        .body(search.one(id, trialId));
  }

  @Operation(summary = "Get one trial")
  @GetMapping("/{trialId}")
  TrialView get(@PathVariable String id, @PathVariable String trialId) {
    experiments.require(id);
    return search.one(id, trialId);
  }

  @Operation(
      summary =
          "Cancel a running trial: SIGTERM to its process group, SIGKILL after a grace period; it ends as USER_CANCELED")
  @PostMapping("/{trialId}/cancel")
  @ResponseStatus(HttpStatus.ACCEPTED)
  TrialView cancel(@PathVariable String id, @PathVariable String trialId) {
    experiments.cancelTrial(id, trialId);
    return search.one(id, trialId);
  }
}
