package dev.tunelab.trial;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trial as the API returns it.
 *
 * @param trialId NNI's five-character id
 * @param sequenceId the trial's number in the experiment ("Trial No."), from 0
 * @param parameterId the tuner's id for the parameter set; null for customised trials
 * @param parameterSource {@code algorithm}, {@code customized} or {@code resumed}
 * @param parameters the values the trial received
 * @param finalMetric the number of the FINAL metric (its {@code default} for dicts); null when none
 *     was reported or it was not a finite number
 * @param finalMetricData the FINAL metric as reported, JSON text
 * @param latestMetric the newest finite intermediate result
 * @param metricCount how many metric records are stored
 * @param gpuIndices the GPUs the trial was given ({@code CUDA_VISIBLE_DEVICES}); empty when none
 * @param exitCode the process's exit code, once it exited
 * @param message why it is waiting, failed or was ended early; for failures, the end of stderr
 * @param directory the trial folder: parameter.cfg, stdout, stderr, .nni/metrics
 * @param durationMillis time from start to end, or to now while running
 */
public record TrialView(
    String trialId,
    int sequenceId,
    TrialStatus status,
    Long parameterId,
    String parameterSource,
    JsonNode parameters,
    Double finalMetric,
    String finalMetricData,
    Double latestMetric,
    int metricCount,
    List<Integer> gpuIndices,
    Integer exitCode,
    String message,
    String directory,
    Instant submittedAt,
    Instant startedAt,
    Instant endedAt,
    Long durationMillis) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static TrialView of(Trial trial, Instant now) {
    Long duration =
        trial.startedAt() == null
            ? null
            : Duration.between(trial.startedAt(), trial.endedAt() == null ? now : trial.endedAt())
                .toMillis();
    return new TrialView(
        trial.trialId(),
        trial.sequenceId(),
        trial.status(),
        trial.parameterId(),
        trial.parameterSource(),
        JSON.readTree(trial.parameters()),
        trial.finalValue(),
        trial.finalData(),
        trial.latestValue(),
        trial.metricCount(),
        trial.gpuIndices(),
        trial.exitCode(),
        trial.message(),
        trial.directory(),
        trial.submittedAt(),
        trial.startedAt(),
        trial.endedAt(),
        duration);
  }
}
