package dev.tunelab.gpu.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Picks GPUs for a trial. A GPU is a candidate when {@code gpuIndices} allows it, fewer than {@code
 * maxTrialNumberPerGpu} Tunelab trials hold it, and, unless {@code useActiveGpu}, no process other
 * than Tunelab's own trials runs on it. The least loaded candidates win: fewest Tunelab trials,
 * then fewest other processes, then least memory used, then lowest utilisation, then lowest index.
 * A request for every GPU of the machine is as valid as any other.
 */
public final class GpuAllocator {

  private GpuAllocator() {}

  /**
   * @param held how many Tunelab trials hold each GPU, by index; missing means none
   * @param isTunelabProcess whether a process belongs to one of Tunelab's trials; such processes
   *     never make a GPU busy
   */
  public static Allocation allocate(
      GpuRequest request,
      GpuInventory inventory,
      Map<Integer, Integer> held,
      LongPredicate isTunelabProcess) {
    Optional<String> impossible = impossible(request, inventory);
    if (impossible.isPresent()) {
      return new Allocation.Waiting(impossible.get());
    }
    List<Load> candidates = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    for (Gpu gpu : inventory.gpus()) {
      if (!request.allows(gpu.index())) {
        continue;
      }
      int trials = held.getOrDefault(gpu.index(), 0);
      List<Long> others =
          inventory.processesOn(gpu.index()).stream()
              .map(GpuProcess::pid)
              .filter(pid -> !isTunelabProcess.test(pid))
              .toList();
      if (trials >= request.maxTrialsPerGpu()) {
        blocked.add(
            "GPU "
                + gpu.index()
                + " is held by "
                + trials
                + (trials == 1 ? " trial" : " trials")
                + " (maxTrialNumberPerGpu: "
                + request.maxTrialsPerGpu()
                + ")");
      } else if (!others.isEmpty() && !request.useActiveGpu()) {
        blocked.add(
            "GPU "
                + gpu.index()
                + " runs other processes (pid "
                + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "); set trainingService.useActiveGpu: true to share it");
      } else {
        candidates.add(new Load(gpu, trials, others.size()));
      }
    }
    if (candidates.size() < request.count()) {
      String wanted = request.count() == 1 ? "a GPU" : request.count() + " GPUs";
      return new Allocation.Waiting("waiting for " + wanted + ": " + String.join("; ", blocked));
    }
    List<Integer> chosen =
        candidates.stream()
            .sorted(Load.LEAST_LOADED)
            .limit(request.count())
            .map(load -> load.gpu.index())
            .sorted()
            .toList();
    return new Allocation.Granted(chosen);
  }

  /**
   * Why the request can never be granted on this machine, however long the trial waited.
   *
   * @return empty when some state of the machine would grant it
   */
  public static Optional<String> impossible(GpuRequest request, GpuInventory inventory) {
    if (inventory.problem() != null) {
      return Optional.of("no GPU was found: " + inventory.problem());
    }
    if (inventory.gpus().isEmpty()) {
      return Optional.of("nvidia-smi lists no GPU on this machine");
    }
    List<Integer> indices = inventory.gpus().stream().map(Gpu::index).toList();
    if (request.allowedIndices() != null) {
      List<Integer> missing =
          request.allowedIndices().stream().filter(index -> !indices.contains(index)).toList();
      if (!missing.isEmpty()) {
        return Optional.of(
            "gpuIndices names GPU "
                + join(missing)
                + ", which this machine does not have; it has GPU "
                + join(indices));
      }
    }
    long usable = indices.stream().filter(request::allows).count();
    if (request.count() > usable) {
      return Optional.of(
          "each trial asks for "
              + request.count()
              + " GPUs but only "
              + usable
              + " can be used (GPU "
              + join(indices.stream().filter(request::allows).toList())
              + ")");
    }
    return Optional.empty();
  }

  private static String join(List<Integer> indices) {
    return indices.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private record Load(Gpu gpu, int trials, int others) {
    static final Comparator<Load> LEAST_LOADED =
        Comparator.comparingInt(Load::trials)
            .thenComparingInt(Load::others)
            .thenComparingLong(load -> load.gpu.memoryUsedMib())
            .thenComparingInt(load -> load.gpu.utilizationPercent())
            .thenComparingInt(load -> load.gpu.index());
  }
}
