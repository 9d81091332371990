package dev.tunelab.gpu;

import dev.tunelab.gpu.model.Gpu;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Gauges per GPU: {@code tunelab.gpu.utilization} (percent), {@code tunelab.gpu.memory.used} and
 * {@code tunelab.gpu.memory.total} (bytes), tagged with the GPU's index and name. They read the
 * probe's latest reading, so scraping never runs nvidia-smi more than once per refresh interval.
 */
@Component
class GpuMetrics implements MeterBinder {

  private static final double MIB = 1024 * 1024;

  private final NvidiaSmiProbe probe;

  GpuMetrics(NvidiaSmiProbe probe) {
    this.probe = probe;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Gpu gpu : probe.inventory().gpus()) {
      gauge(
          registry,
          gpu,
          "tunelab.gpu.utilization",
          "percent",
          "GPU utilisation over the last sample",
          Gpu::utilizationPercent);
      gauge(
          registry,
          gpu,
          "tunelab.gpu.memory.used",
          "bytes",
          "GPU memory in use",
          g -> g.memoryUsedMib() * MIB);
      gauge(
          registry,
          gpu,
          "tunelab.gpu.memory.total",
          "bytes",
          "GPU memory",
          g -> g.memoryTotalMib() * MIB);
    }
  }

  private void gauge(
      MeterRegistry registry,
      Gpu gpu,
      String name,
      String unit,
      String description,
      ToDoubleFunction<Gpu> value) {
    Gauge.builder(
            name,
            probe,
            p -> p.inventory().gpu(gpu.index()).map(value::applyAsDouble).orElse(Double.NaN))
        .tags("gpu", Integer.toString(gpu.index()), "name", gpu.name())
        .baseUnit(unit)
        .description(description)
        .register(registry);
  }
}
