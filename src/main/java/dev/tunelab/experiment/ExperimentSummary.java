package dev.tunelab.experiment;

import java.time.Instant;

/** An experiment in a list: what tells experiments apart at a glance. */
public record ExperimentSummary(
    String id,
    String name,
    ExperimentStatus status,
    Instant submittedAt,
    Instant startedAt,
    Instant endedAt,
    int submittedTrials) {

  static ExperimentSummary of(Experiment experiment, int submittedTrials) {
    return new ExperimentSummary(
        experiment.id(),
        experiment.name(),
        experiment.status(),
        experiment.submittedAt(),
        experiment.startedAt(),
        experiment.endedAt(),
        submittedTrials);
  }
}
