/**
 * The GPUs of the machine as {@code nvidia-smi} reports them, and the allocator that picks GPUs for
 * a trial (PURE: no Spring, no processes, no clock).
 */
package dev.tunelab.gpu.model;
