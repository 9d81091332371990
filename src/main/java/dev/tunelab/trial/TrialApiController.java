package dev.tunelab.trial;

import dev.tunelab.experiment.ChangeFeed;
import dev.tunelab.experiment.ExperimentService;
import dev.tunelab.experiment.ExperimentView;
import dev.tunelab.web.InvalidInputException;
import dev.tunelab.web.PageView;
import dev.tunelab.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The trials of an experiment over REST: list (paged, filtered, sorted), get, cancel. */
@RestController
@RequestMapping("/api/v1/experiments/{id}/trials")
@Tag(name = "Trials")
class TrialApiController {

  /** Sort keys the API accepts, and the entity field each one sorts by. */
  private static final Map<String, String> SORTS =
      Map.of(
          "sequenceId", "sequenceId",
          "finalMetric", "finalValue",
          "status", "status",
          "startedAt", "startedAt",
          "endedAt", "endedAt");

  private final TrialRepository trials;
  private final ExperimentService experiments;
  private final ChangeFeed feed;
  private final Clock clock;

  TrialApiController(
      TrialRepository trials, ExperimentService experiments, ChangeFeed feed, Clock clock) {
    this.trials = trials;
    this.experiments = experiments;
    this.feed = feed;
    this.clock = clock;
  }

  @Operation(
      summary =
          "List trials, optionally of some statuses; sort by sequenceId (default), finalMetric, status, startedAt or endedAt, with -key for descending")
  @GetMapping
  PageView<TrialView> list(
      @PathVariable String id,
      @RequestParam(required = false) List<String> status,
      @RequestParam(defaultValue = "sequenceId") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    experiments.require(id);
    PageRequest request = Paging.of(page, size, sort(sort));
    Page<Trial> found =
        status == null || status.isEmpty()
            ? trials.findByExperimentId(id, request)
            : trials.findByExperimentIdAndStatusIn(id, statuses(status), request);
    return PageView.of(found, trial -> TrialView.of(trial, clock.instant()));
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
    return new TrialChanges(changes.next(), experiment, changed);
  }

  /**
   * What changed after a cursor.
   *
   * @param next the cursor for the next call
   * @param experiment the experiment now (status, counts, best trial)
   * @param trials the trials that changed, in sequence order
   */
  record TrialChanges(long next, ExperimentView experiment, List<TrialView> trials) {}

  @Operation(summary = "Get one trial")
  @GetMapping("/{trialId}")
  TrialView get(@PathVariable String id, @PathVariable String trialId) {
    experiments.require(id);
    return TrialView.of(require(id, trialId), clock.instant());
  }

  @Operation(
      summary =
          "Cancel a running trial: SIGTERM to its process group, SIGKILL after a grace period; it ends as USER_CANCELED")
  @PostMapping("/{trialId}/cancel")
  @ResponseStatus(HttpStatus.ACCEPTED)
  TrialView cancel(@PathVariable String id, @PathVariable String trialId) {
    experiments.cancelTrial(id, trialId);
    return TrialView.of(require(id, trialId), clock.instant());
  }

  private Trial require(String id, String trialId) {
    return trials
        .findByExperimentIdAndTrialId(id, trialId)
        .orElseThrow(() -> new TrialNotFoundException(id, trialId));
  }

  private static Set<TrialStatus> statuses(List<String> names) {
    try {
      return names.stream()
          .map(name -> TrialStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)))
          .collect(java.util.stream.Collectors.toSet());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "status",
          names
              + " is not a list of trial statuses; allowed: "
              + Arrays.toString(TrialStatus.values()));
    }
  }

  private static Sort sort(String key) {
    boolean descending = key.startsWith("-");
    String field = SORTS.get(descending ? key.substring(1) : key);
    if (field == null) {
      throw new InvalidInputException(
          "sort",
          "'"
              + key
              + "' is not a sort key; allowed: "
              + String.join(", ", SORTS.keySet().stream().sorted().toList())
              + ", each with - in front for descending");
    }
    Sort primary =
        descending
            ? Sort.by(Sort.Order.desc(field).nullsLast())
            : Sort.by(Sort.Order.asc(field).nullsLast());
    return field.equals("sequenceId") ? primary : primary.and(Sort.by("sequenceId"));
  }
}
