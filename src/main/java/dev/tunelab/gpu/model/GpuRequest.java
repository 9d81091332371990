package dev.tunelab.gpu.model;

import java.util.List;

/**
 * What one trial asks for, from NNI's config fields.
 *
 * @param count {@code trialGpuNumber}: how many whole GPUs, at least 1
 * @param maxTrialsPerGpu {@code maxTrialNumberPerGpu}: how many trials may share one GPU
 * @param allowedIndices {@code gpuIndices}: the only GPUs that may be used; null for all
 * @param useActiveGpu whether a GPU that runs processes other than Tunelab's trials may be used
 */
public record GpuRequest(
    int count, int maxTrialsPerGpu, List<Integer> allowedIndices, boolean useActiveGpu) {

  public GpuRequest {
    if (count < 1 || maxTrialsPerGpu < 1) {
      throw new IllegalArgumentException(
          "a GPU request needs count and maxTrialsPerGpu of at least 1");
    }
    allowedIndices = allowedIndices == null ? null : List.copyOf(allowedIndices);
  }

  boolean allows(int index) {
    return allowedIndices == null || allowedIndices.contains(index);
  }
}
