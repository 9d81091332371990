package dev.tunelab.experiment;

import dev.tunelab.gpu.model.GpuRequest;
import dev.tunelab.searchspace.SearchSpace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated experiment configuration in NNI's v2 schema. Paths are absolute, the search space is
 * inlined and every default is filled in; {@link ExperimentConfigJson} reads and writes it.
 *
 * @param experimentName display name, may be null
 * @param searchSpace the parsed search space
 * @param trialCommand run with bash in {@code trialCodeDirectory}
 * @param trialCodeDirectory where trials run; used in place, not copied
 * @param trialConcurrency how many trials may run at once, at least 1
 * @param trialGpuNumber null: GPUs not scheduled; 0: trials see none; n: n GPUs per trial
 * @param maxExperimentDuration time budget counted while running; null for none
 * @param maxTrialNumber how many trials may be submitted; null for no limit
 * @param maxTrialDuration wall-clock limit per trial; null for none
 * @param tuner the tuner and its arguments
 * @param assessor the early-stopping algorithm; null for none
 * @param trainingService where and how trials run
 * @param experimentWorkingDirectory parent of the experiment's folder
 * @param debug NNI's debug flag; sets the default log level to debug
 * @param logLevel one of fatal, error, warning, info, debug, trace
 */
public record ExperimentConfig(
    String experimentName,
    SearchSpace searchSpace,
    String trialCommand,
    Path trialCodeDirectory,
    int trialConcurrency,
    Integer trialGpuNumber,
    Duration maxExperimentDuration,
    Integer maxTrialNumber,
    Duration maxTrialDuration,
    AlgorithmConfig tuner,
    AlgorithmConfig assessor,
    TrainingServiceConfig trainingService,
    Path experimentWorkingDirectory,
    boolean debug,
    String logLevel) {

  /**
   * A tuner or assessor choice.
   *
   * @param name the built-in name as the user wrote it
   * @param classArgs the arguments as given, without defaults
   */
  public record AlgorithmConfig(String name, Map<String, Object> classArgs) {
    public AlgorithmConfig {
      classArgs = Map.copyOf(classArgs);
    }
  }

  /**
   * The local training service.
   *
   * @param useActiveGpu whether GPUs running other processes may be used; null when unset
   * @param maxTrialNumberPerGpu how many trials may share one GPU
   * @param gpuIndices the only GPUs trials may use; null for all
   */
  public record TrainingServiceConfig(
      Boolean useActiveGpu, int maxTrialNumberPerGpu, List<Integer> gpuIndices) {
    public TrainingServiceConfig {
      gpuIndices = gpuIndices == null ? null : List.copyOf(gpuIndices);
    }
  }

  /** What each trial asks of the GPU allocator; empty when GPUs are not scheduled. */
  public Optional<GpuRequest> gpuRequest() {
    if (trialGpuNumber == null || trialGpuNumber == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new GpuRequest(
            trialGpuNumber,
            trainingService.maxTrialNumberPerGpu(),
            trainingService.gpuIndices(),
            Boolean.TRUE.equals(trainingService.useActiveGpu())));
  }

  /** Whether the trial budget allows another submission after {@code submitted} trials. */
  public boolean allowsMoreTrials(int submitted) {
    return maxTrialNumber == null || submitted < maxTrialNumber;
  }
}
