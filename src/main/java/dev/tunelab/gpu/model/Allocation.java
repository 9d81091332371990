package dev.tunelab.gpu.model;

import java.util.List;

/** The allocator's answer for one trial. */
public sealed interface Allocation {

  /**
   * The trial may run on these GPUs.
   *
   * @param indices ascending, distinct: exactly what {@code CUDA_VISIBLE_DEVICES} gets
   */
  record Granted(List<Integer> indices) implements Allocation {
    public Granted {
      indices = List.copyOf(indices);
    }
  }

  /**
   * The trial must wait.
   *
   * @param reason why, for the trial's message: which GPU is held or busy, and what would help
   */
  record Waiting(String reason) implements Allocation {}
}
