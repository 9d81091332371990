package dev.tunelab.gpu;

import java.util.List;

/**
 * The machine's GPUs as the API shows them.
 *
 * @param available whether nvidia-smi answered
 * @param problem why no GPU is known, when none is
 */
public record GpuView(boolean available, String problem, List<Card> gpus) {

  /**
   * One GPU, what runs on it, and which Tunelab trials hold it.
   *
   * @param trials the Tunelab trials that hold this GPU
   */
  public record Card(
      int index,
      String uuid,
      String name,
      long memoryTotalMib,
      long memoryUsedMib,
      long memoryFreeMib,
      int utilizationPercent,
      List<Process> processes,
      List<GpuLeases.Holder> trials) {}

  /**
   * A process on a GPU.
   *
   * @param tunelabTrial whether it belongs to one of Tunelab's trials
   */
  public record Process(long pid, long usedMemoryMib, boolean tunelabTrial) {}
}
