package dev.tunelab.trial;

import dev.tunelab.web.InvalidInputException;
import dev.tunelab.web.PageView;
import dev.tunelab.web.Paging;
import java.time.Clock;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Pages of an experiment's trials, filtered and sorted in the database: the list endpoint and the
 * dashboard's trial table read the same pages. Thread-safe.
 */
@Component
public class TrialSearch {

  /** Sort keys the API accepts, and the entity field each one sorts by. */
  private static final Map<String, String> SORTS =
      Map.of(
          "sequenceId", "sequenceId",
          "finalMetric", "finalValue",
          "status", "status",
          "startedAt", "startedAt",
          "endedAt", "endedAt");

  private final TrialRepository trials;
  private final Clock clock;

  TrialSearch(TrialRepository trials, Clock clock) {
    this.trials = trials;
    this.clock = clock;
  }

  /**
   * One page of the experiment's trials; an empty page when none match. The experiment must exist.
   *
   * @throws InvalidInputException naming each query parameter that cannot be read
   */
  public PageView<TrialView> find(String experimentId, TrialQuery query) {
    TrialFilter filter = TrialFilter.of(query);
    PageRequest request = Paging.of(query.page(), query.size(), sort(query.sort()));
    return PageView.of(
        trials.findAll(filter.of(experimentId), request),
        trial -> TrialView.of(trial, clock.instant()));
  }

  /**
   * One trial.
   *
   * @throws TrialNotFoundException when the experiment has no trial with this id
   */
  public TrialView one(String experimentId, String trialId) {
    return trials
        .findByExperimentIdAndTrialId(experimentId, trialId)
        .map(trial -> TrialView.of(trial, clock.instant()))
        .orElseThrow(() -> new TrialNotFoundException(experimentId, trialId));
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
