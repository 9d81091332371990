package dev.tunelab.gpu;

import dev.tunelab.gpu.model.Allocation;
import dev.tunelab.gpu.model.GpuAllocator;
import dev.tunelab.gpu.model.GpuInventory;
import dev.tunelab.gpu.model.GpuRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Runs Tunelab's nvidia-smi probe and GPU allocator against the live machine, then starts a small
 * PyTorch trial with the CUDA_VISIBLE_DEVICES they chose. See run.sh beside this file.
 *
 * <p>Arguments: [nvidia-smi command] [python]
 */
public final class GpuCheck {

  private static final String TRIAL =
      "import os, time, torch\n"
          + "print('CUDA_VISIBLE_DEVICES =', repr(os.environ.get('CUDA_VISIBLE_DEVICES')))\n"
          + "print('torch sees', torch.cuda.device_count(), 'GPU(s):', [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())])\n"
          + "x = torch.randn(8192, 8192, device='cuda')\n"
          + "torch.cuda.synchronize(); start = time.time()\n"
          + "for _ in range(20): y = x @ x\n"
          + "torch.cuda.synchronize()\n"
          + "print('20 matmuls of 8192x8192 in %.3f s on' % (time.time() - start), y.device)\n";

  public static void main(String[] args) throws IOException, InterruptedException {
    String smi = args.length > 0 ? args[0] : "nvidia-smi";
    String python = args.length > 1 ? args[1] : "python3";
    long begin = System.nanoTime();
    GpuInventory inventory = new NvidiaSmiProbe(smi, Duration.ofSeconds(5), Clock.systemUTC()).inventory();
    System.out.printf("probe: %.0f ms, problem: %s%n", (System.nanoTime() - begin) / 1e6, inventory.problem());
    inventory.gpus().forEach(gpu -> System.out.println("  " + gpu));
    inventory.processes().forEach(process -> System.out.println("  " + process));
    if (inventory.gpus().isEmpty()) {
      return;
    }
    int all = inventory.gpus().size();
    for (GpuRequest request :
        new GpuRequest[] {
          new GpuRequest(1, 1, null, false), new GpuRequest(all, 1, null, true), new GpuRequest(all + 1, 1, null, true)
        }) {
      System.out.println("allocate " + request + " -> " + GpuAllocator.allocate(request, inventory, Map.of(), pid -> false));
    }
    Allocation chosen = GpuAllocator.allocate(new GpuRequest(1, 1, null, true), inventory, Map.of(), pid -> false);
    if (!(chosen instanceof Allocation.Granted granted)) {
      return;
    }
    String cuda = String.join(",", granted.indices().stream().map(String::valueOf).toList());
    ProcessBuilder trial = new ProcessBuilder(python, "-c", TRIAL).inheritIO();
    trial.environment().put("CUDA_VISIBLE_DEVICES", cuda);
    System.out.println("trial with CUDA_VISIBLE_DEVICES=" + cuda + ":");
    System.out.println("trial exit code " + trial.start().waitFor());
  }
}
