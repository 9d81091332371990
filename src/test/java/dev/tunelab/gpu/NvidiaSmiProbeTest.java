package dev.tunelab.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunelab.gpu.model.GpuInventory;
import dev.tunelab.gpu.model.NvidiaSmiOutputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NvidiaSmiProbeTest {

  private final FakeNvidiaSmi smi = new FakeNvidiaSmi(2);
  private final MutableClock clock = new MutableClock();
  private final NvidiaSmiProbe probe =
      new NvidiaSmiProbe(smi.command().toString(), Duration.ofSeconds(5), clock);

  @Test
  void readsGpusAndTheirProcesses() {
    smi.processes(NvidiaSmiOutputs.processes(4242, 1));

    GpuInventory inventory = probe.inventory();

    assertThat(inventory.problem()).isNull();
    assertThat(inventory.gpus()).hasSize(2);
    assertThat(inventory.processesOn(1)).singleElement().extracting(p -> p.pid()).isEqualTo(4243L);
    assertThat(inventory.processesOn(0)).isEmpty();
  }

  @Test
  void runsNvidiaSmiAtMostOncePerRefreshIntervalHoweverManyAsk() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Callable<GpuInventory>> askers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      askers.add(probe::inventory);
    }
    for (Future<GpuInventory> answer : threads.invokeAll(askers)) {
      assertThat(answer.get().gpus()).hasSize(2);
    }
    threads.shutdown();

    assertThat(smi.calls()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(4));
    probe.inventory();
    assertThat(smi.calls()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    probe.inventory();
    assertThat(smi.calls()).isEqualTo(4);
  }

  @Test
  void aFailingNvidiaSmiMeansNoGpusAndIsNotRetriedBeforeTheInterval() {
    smi.failing(true);

    GpuInventory inventory = probe.inventory();
    probe.inventory();

    assertThat(inventory.gpus()).isEmpty();
    assertThat(inventory.problem())
        .contains("failed with exit code 9")
        .contains("couldn't communicate with the NVIDIA driver");
    assertThat(smi.calls()).isEqualTo(1);
  }

  @Test
  void aMissingNvidiaSmiMeansNoGpus() {
    NvidiaSmiProbe missing =
        new NvidiaSmiProbe("/nonexistent/nvidia-smi", Duration.ofSeconds(5), clock);

    assertThat(missing.inventory().problem())
        .contains("/nonexistent/nvidia-smi could not be run")
        .contains("NVIDIA driver");
  }

  @Test
  void outputThatIsNotCsvMeansNoGpus() {
    smi.gpus("No devices were found\n");

    assertThat(probe.inventory().problem()).contains("not a GPU line");
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
