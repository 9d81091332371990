package dev.tunelab.gpu.model;

/**
 * A compute process on a GPU, as {@code nvidia-smi --query-compute-apps} reports it.
 *
 * @param usedMemoryMib its GPU memory; 0 when {@code nvidia-smi} cannot tell
 */
public record GpuProcess(long pid, String gpuUuid, long usedMemoryMib) {}
