/**
 * GPUs: the {@code nvidia-smi} probe, the leases that share the machine's GPUs between every
 * running experiment, the GPU view of the API and its gauges. The machine model, the parser of
 * {@code nvidia-smi}'s output and the allocator are pure, in {@code model/}.
 */
package dev.tunelab.gpu;
