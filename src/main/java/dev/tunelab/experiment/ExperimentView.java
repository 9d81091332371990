package dev.tunelab.experiment;

import dev.tunelab.trial.TrialStatus;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An experiment as the API returns it.
 *
 * @param config the canonical NNI v2 config, as changed by updates
 * @param durationSeconds time spent running, the clock of {@code maxExperimentDuration}
 * @param submittedTrials trials submitted so far, the count {@code maxTrialNumber} limits
 * @param trialCounts trials by status; statuses without trials are left out
 * @param optimizeMode whether a higher or lower final metric is better, from the tuner
 * @param bestTrial the trial with the best final metric so far; null until one reports
 */
public record ExperimentView(
    String id,
    String name,
    ExperimentStatus status,
    String message,
    JsonNode config,
    Instant submittedAt,
    Instant startedAt,
    Instant endedAt,
    long durationSeconds,
    int submittedTrials,
    Map<TrialStatus, Long> trialCounts,
    String optimizeMode,
    BestTrial bestTrial) {

  /** The best trial so far and its final metric. */
  public record BestTrial(String trialId, int sequenceId, double value) {}
}
