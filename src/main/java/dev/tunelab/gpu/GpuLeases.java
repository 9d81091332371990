package dev.tunelab.gpu;

import dev.tunelab.executor.TrainingService;
import dev.tunelab.gpu.model.Allocation;
import dev.tunelab.gpu.model.GpuAllocator;
import dev.tunelab.gpu.model.GpuInventory;
import dev.tunelab.gpu.model.GpuRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;

/**
 * The machine's GPUs, shared by every running experiment: one allocator, so two experiments never
 * get the same GPU beyond {@code maxTrialNumberPerGpu}. Trials that cannot get GPUs now are told
 * why, and listeners hear when GPUs are released so waiting trials can try again at once.
 * Thread-safe.
 */
@Service
public class GpuLeases {

  private final NvidiaSmiProbe probe;
  private final TrainingService training;
  private final Map<Holder, GpuLease> leases = new HashMap<>();
  private final List<Runnable> releaseListeners = new CopyOnWriteArrayList<>();

  GpuLeases(NvidiaSmiProbe probe, TrainingService training) {
    this.probe = probe;
    this.training = training;
  }

  /** A trial that holds GPUs. */
  public record Holder(String experimentId, String trialId) {}

  /**
   * Gives a trial GPUs if the machine has them free now.
   *
   * @return the lease, or the reason the trial must wait (which GPU is held or busy)
   */
  public synchronized Result acquire(Holder holder, GpuRequest request) {
    Allocation allocation =
        GpuAllocator.allocate(request, probe.inventory(), heldCounts(), training::isTrialProcess);
    if (allocation instanceof Allocation.Granted granted) {
      GpuLease lease = new GpuLease(holder, granted.indices());
      leases.put(holder, lease);
      return new Result(lease, null);
    }
    return new Result(null, ((Allocation.Waiting) allocation).reason());
  }

  /** Takes back the lease of a trial that was running before Tunelab restarted. */
  public synchronized GpuLease restore(Holder holder, List<Integer> indices) {
    GpuLease lease = new GpuLease(holder, indices);
    leases.put(holder, lease);
    return lease;
  }

  /** Frees the lease's GPUs the first time it is called, and tells the listeners. */
  public void release(GpuLease lease) {
    if (!lease.markReleased()) {
      return;
    }
    synchronized (this) {
      leases.remove(lease.holder(), lease);
    }
    releaseListeners.forEach(Runnable::run);
  }

  /**
   * Calls {@code listener} after every release, on the releasing thread: it must only hand work
   * off.
   *
   * @return removes the listener when run
   */
  public Runnable onRelease(Runnable listener) {
    releaseListeners.add(listener);
    return () -> releaseListeners.remove(listener);
  }

  /** Why this request can never be granted on this machine; empty when it can. */
  public Optional<String> impossible(GpuRequest request) {
    return GpuAllocator.impossible(request, probe.inventory());
  }

  /** How often trials that wait for GPUs should try again when nothing is released. */
  public Duration retryInterval() {
    return probe.refreshInterval();
  }

  public GpuInventory inventory() {
    return probe.inventory();
  }

  /** The trials holding each GPU, by index. */
  public synchronized Map<Integer, List<Holder>> holders() {
    Map<Integer, List<Holder>> holders = new TreeMap<>();
    leases
        .values()
        .forEach(
            lease ->
                lease
                    .indices()
                    .forEach(
                        index ->
                            holders
                                .computeIfAbsent(index, i -> new ArrayList<>())
                                .add(lease.holder())));
    return holders;
  }

  private Map<Integer, Integer> heldCounts() {
    Map<Integer, Integer> counts = new HashMap<>();
    leases
        .values()
        .forEach(lease -> lease.indices().forEach(index -> counts.merge(index, 1, Integer::sum)));
    return counts;
  }

  /**
   * What {@link #acquire} decided.
   *
   * @param lease the GPUs, or null when the trial must wait
   * @param waitReason why it must wait, or null
   */
  public record Result(GpuLease lease, String waitReason) {}
}
