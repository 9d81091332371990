package dev.tunelab.gpu;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GPUs held by one trial. Release it through {@link GpuLeases#release}, once the trial has ended,
 * whatever way it ended; releasing again does nothing.
 */
public final class GpuLease {

  private final GpuLeases.Holder holder;
  private final List<Integer> indices;
  private final AtomicBoolean released = new AtomicBoolean();

  GpuLease(GpuLeases.Holder holder, List<Integer> indices) {
    this.holder = holder;
    this.indices = List.copyOf(indices);
  }

  public GpuLeases.Holder holder() {
    return holder;
  }

  /** The GPU indices, ascending. */
  public List<Integer> indices() {
    return indices;
  }

  /** The value of {@code CUDA_VISIBLE_DEVICES} for the trial: {@code "0,2"}. */
  public String cudaVisibleDevices() {
    return String.join(",", indices.stream().map(String::valueOf).toList());
  }

  /** True the first time only. */
  boolean markReleased() {
    return released.compareAndSet(false, true);
  }
}
