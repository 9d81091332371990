package dev.tunelab.gpu.model;

/**
 * One GPU as {@code nvidia-smi --query-gpu} reports it.
 *
 * @param index the index {@code CUDA_VISIBLE_DEVICES} uses
 * @param utilizationPercent GPU utilisation over the last sample period, 0 to 100
 */
public record Gpu(
    int index,
    String uuid,
    String name,
    long memoryTotalMib,
    long memoryUsedMib,
    long memoryFreeMib,
    int utilizationPercent) {}
