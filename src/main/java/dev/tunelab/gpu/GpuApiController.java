package dev.tunelab.gpu;

import dev.tunelab.executor.TrainingService;
import dev.tunelab.gpu.model.GpuInventory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The GPU view: each GPU, its load, its processes, and the Tunelab trials holding it. */
@RestController
@RequestMapping("/api/v1/gpus")
@Tag(name = "GPUs")
class GpuApiController {

  private final GpuLeases leases;
  private final TrainingService training;
  private final GpuHistory history;

  GpuApiController(GpuLeases leases, TrainingService training, GpuHistory history) {
    this.leases = leases;
    this.training = training;
    this.history = history;
  }

  @Operation(
      summary =
          "Each GPU's utilisation and memory over the last hour, one sample per refresh interval (sampling starts with the first call)")
  @GetMapping("/history")
  List<GpuHistory.Sample> history() {
    return history.samples();
  }

  @Operation(
      summary =
          "Every GPU with memory, utilisation, processes and the trials holding it (refreshed every few seconds)")
  @GetMapping
  GpuView gpus() {
    GpuInventory inventory = leases.inventory();
    Map<Integer, List<GpuLeases.Holder>> holders = leases.holders();
    List<GpuView.Card> cards =
        inventory.gpus().stream()
            .map(
                gpu ->
                    new GpuView.Card(
                        gpu.index(),
                        gpu.uuid(),
                        gpu.name(),
                        gpu.memoryTotalMib(),
                        gpu.memoryUsedMib(),
                        gpu.memoryFreeMib(),
                        gpu.utilizationPercent(),
                        inventory.processesOn(gpu.index()).stream()
                            .map(
                                p ->
                                    new GpuView.Process(
                                        p.pid(),
                                        p.usedMemoryMib(),
                                        training.isTrialProcess(p.pid())))
                            .toList(),
                        holders.getOrDefault(gpu.index(), List.of())))
            .toList();
    return new GpuView(inventory.problem() == null, inventory.problem(), cards);
  }
}
