package dev.tunelab.gpu;

import dev.tunelab.gpu.model.GpuInventory;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Each GPU's utilisation and memory over the last hour, for the dashboard. Sampling starts the
 * first time someone asks, at the probe's refresh interval, so a server nobody watches runs no
 * extra nvidia-smi. Thread-safe.
 */
@Component
class GpuHistory {

  private static final int KEEP = 720;

  private final NvidiaSmiProbe probe;
  private final Clock clock;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private final AtomicBoolean sampling = new AtomicBoolean();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "gpu-history");
            thread.setDaemon(true);
            return thread;
          });

  GpuHistory(NvidiaSmiProbe probe, Clock clock) {
    this.probe = probe;
    this.clock = clock;
  }

  /** One reading of every GPU. */
  record Sample(Instant at, List<Reading> gpus) {}

  /** One GPU's load at one moment. */
  record Reading(int index, int utilizationPercent, long memoryUsedMib, long memoryTotalMib) {}

  /** The samples so far, oldest first; starts sampling on the first call. */
  synchronized List<Sample> samples() {
    if (sampling.compareAndSet(false, true)) {
      long interval = probe.refreshInterval().toMillis();
      timer.scheduleWithFixedDelay(this::sample, 0, interval, TimeUnit.MILLISECONDS);
    }
    return List.copyOf(samples);
  }

  private void sample() {
    GpuInventory inventory = probe.inventory();
    if (inventory.gpus().isEmpty()) {
      return;
    }
    Sample sample =
        new Sample(
            clock.instant(),
            inventory.gpus().stream()
                .map(
                    gpu ->
                        new Reading(
                            gpu.index(),
                            gpu.utilizationPercent(),
                            gpu.memoryUsedMib(),
                            gpu.memoryTotalMib()))
                .toList());
    synchronized (this) {
      samples.addLast(sample);
      while (samples.size() > KEEP) {
        samples.removeFirst();
      }
    }
  }

  @PreDestroy
  void close() {
    timer.shutdownNow();
  }
}
