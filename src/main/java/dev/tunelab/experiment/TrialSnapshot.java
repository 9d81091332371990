package dev.tunelab.experiment;

import dev.tunelab.trial.Trial;
import dev.tunelab.trial.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the runner keeps of a stored trial.
 *
 * @param id the database id
 * @param trialId NNI's five-character trial id
 */
record TrialSnapshot(
    long id,
    String trialId,
    int sequenceId,
    TrialStatus status,
    String parameters,
    String parameterSource,
    Path directory,
    Double finalValue,
    boolean finalStored,
    long metricsOffset,
    Instant startedAt,
    List<Integer> gpuIndices,
    boolean endedByStop) {

  static TrialSnapshot of(Trial trial) {
    return new TrialSnapshot(
        trial.id(),
        trial.trialId(),
        trial.sequenceId(),
        trial.status(),
        trial.parameters(),
        trial.parameterSource(),
        Path.of(trial.directory()),
        trial.finalValue(),
        trial.finalData() != null,
        trial.metricsOffset(),
        trial.startedAt(),
        trial.gpuIndices(),
        trial.status() == TrialStatus.USER_CANCELED
            && ExperimentRunner.STOPPED_WITH_EXPERIMENT.equals(trial.message()));
  }

  /** A label for logs and messages: {@code trial Xy3kQ (No. 7)}. */
  String label() {
    return "trial " + trialId + " (No. " + sequenceId + ")";
  }
}
