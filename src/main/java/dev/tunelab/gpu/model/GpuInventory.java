package dev.tunelab.gpu.model;

import java.util.List;
import java.util.Optional;

/**
 * What the machine has: its GPUs and the processes on them, or why that is unknown.
 *
 * @param problem why no GPU could be found ({@code nvidia-smi} missing or failing); null when the
 *     probe worked, even if it found no GPU
 */
public record GpuInventory(List<Gpu> gpus, List<GpuProcess> processes, String problem) {

  public GpuInventory {
    gpus = List.copyOf(gpus);
    processes = List.copyOf(processes);
  }

  public static GpuInventory of(List<Gpu> gpus, List<GpuProcess> processes) {
    return new GpuInventory(gpus, processes, null);
  }

  /** No GPUs, because of {@code problem}. */
  public static GpuInventory unavailable(String problem) {
    return new GpuInventory(List.of(), List.of(), problem);
  }

  public Optional<Gpu> gpu(int index) {
    return gpus.stream().filter(gpu -> gpu.index() == index).findFirst();
  }

  /** The processes on the GPU with this index. */
  public List<GpuProcess> processesOn(int index) {
    return gpu(index)
        .map(gpu -> processes.stream().filter(p -> p.gpuUuid().equals(gpu.uuid())).toList())
        .orElse(List.of());
  }
}
