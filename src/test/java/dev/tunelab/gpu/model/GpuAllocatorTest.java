package dev.tunelab.gpu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GpuAllocatorTest {

  private static final LongPredicate NONE_OURS = pid -> false;

  /** A machine of n H100s; GPU i uses used[i] MiB; processes run on the busy indices. */
  private static GpuInventory machine(int gpus, int[] busy, long... used) {
    return GpuInventory.of(
        NvidiaSmiCsv.gpus(NvidiaSmiOutputs.h100s(gpus, used)),
        NvidiaSmiCsv.processes(NvidiaSmiOutputs.processes(9000, busy)));
  }

  private static GpuRequest request(
      int count, int perGpu, List<Integer> indices, boolean useActive) {
    return new GpuRequest(count, perGpu, indices, useActive);
  }

  static Stream<Arguments> table() {
    int[] none = {};
    return Stream.of(
        // machine, busy GPUs, held, request, expected GPUs (null: waits)
        Arguments.of(
            "idle 2-GPU machine, 1 GPU", 2, none, Map.of(), request(1, 1, null, false), List.of(0)),
        Arguments.of(
            "GPU 0 busy, useActiveGpu false",
            2,
            new int[] {0},
            Map.of(),
            request(1, 1, null, false),
            List.of(1)),
        Arguments.of(
            "GPU 0 busy, useActiveGpu true, still prefers the idle one",
            2,
            new int[] {0},
            Map.of(),
            request(1, 1, null, true),
            List.of(1)),
        Arguments.of(
            "every GPU busy, useActiveGpu false",
            2,
            new int[] {0, 1},
            Map.of(),
            request(1, 1, null, false),
            null),
        Arguments.of(
            "every GPU busy, useActiveGpu true",
            2,
            new int[] {0, 1},
            Map.of(),
            request(1, 1, null, true),
            List.of(0)),
        Arguments.of(
            "held GPU is skipped", 2, none, Map.of(0, 1), request(1, 1, null, false), List.of(1)),
        Arguments.of(
            "both held, no sharing", 2, none, Map.of(0, 1, 1, 1), request(1, 1, null, false), null),
        Arguments.of(
            "sharing: two trials per GPU",
            2,
            none,
            Map.of(0, 1, 1, 1),
            request(1, 2, null, false),
            List.of(0)),
        Arguments.of(
            "sharing prefers the GPU with fewer trials",
            2,
            none,
            Map.of(0, 1),
            request(1, 2, null, false),
            List.of(1)),
        Arguments.of(
            "sharing is full", 2, none, Map.of(0, 2, 1, 2), request(1, 2, null, false), null),
        Arguments.of(
            "gpuIndices restricts",
            4,
            none,
            Map.of(),
            request(1, 1, List.of(2, 3), false),
            List.of(2)),
        Arguments.of(
            "gpuIndices restricts even when busy elsewhere",
            4,
            new int[] {2},
            Map.of(),
            request(1, 1, List.of(2, 3), false),
            List.of(3)),
        Arguments.of(
            "gpuIndices all held",
            4,
            none,
            Map.of(2, 1, 3, 1),
            request(1, 1, List.of(2, 3), false),
            null),
        Arguments.of(
            "every GPU of a 1-GPU machine",
            1,
            none,
            Map.of(),
            request(1, 1, null, false),
            List.of(0)),
        Arguments.of(
            "every GPU of a 2-GPU machine",
            2,
            none,
            Map.of(),
            request(2, 1, null, false),
            List.of(0, 1)),
        Arguments.of(
            "every GPU of an 8-GPU machine",
            8,
            none,
            Map.of(),
            request(8, 1, null, false),
            List.of(0, 1, 2, 3, 4, 5, 6, 7)),
        Arguments.of(
            "every GPU, one held", 8, none, Map.of(5, 1), request(8, 1, null, false), null),
        Arguments.of(
            "three of eight, least used memory first",
            8,
            none,
            Map.of(),
            request(3, 1, null, false),
            List.of(0, 3, 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void allocatesAsTheTableSays(
      String name,
      int gpus,
      int[] busy,
      Map<Integer, Integer> held,
      GpuRequest request,
      List<Integer> expected) {
    GpuInventory inventory =
        name.startsWith("three of eight")
            ? machine(gpus, busy, 0, 500, 700, 0, 0, 300, 900, 100)
            : machine(gpus, busy);

    Allocation allocation = GpuAllocator.allocate(request, inventory, held, NONE_OURS);

    if (expected == null) {
      assertThat(allocation).isInstanceOf(Allocation.Waiting.class);
    } else {
      assertThat(allocation).isEqualTo(new Allocation.Granted(expected));
    }
  }

  @Test
  void tunelabsOwnTrialsNeverMakeAGpuBusy() {
    GpuInventory inventory = machine(1, new int[] {0});

    assertThat(
            GpuAllocator.allocate(
                request(1, 2, null, false), inventory, Map.of(0, 1), pid -> pid == 9000))
        .isEqualTo(new Allocation.Granted(List.of(0)));
    assertThat(
            GpuAllocator.allocate(request(1, 2, null, false), inventory, Map.of(0, 1), NONE_OURS))
        .isInstanceOf(Allocation.Waiting.class);
  }

  @Test
  void releasedGpusCanBeAllocatedAgain() {
    GpuInventory inventory = machine(2, new int[] {});
    Map<Integer, Integer> held = new HashMap<>();
    GpuRequest one = request(1, 1, null, false);

    for (int trial = 0; trial < 2; trial++) {
      Allocation.Granted granted =
          (Allocation.Granted) GpuAllocator.allocate(one, inventory, held, NONE_OURS);
      granted.indices().forEach(index -> held.merge(index, 1, Integer::sum));
    }
    assertThat(GpuAllocator.allocate(one, inventory, held, NONE_OURS))
        .isInstanceOf(Allocation.Waiting.class);

    held.merge(1, -1, Integer::sum);
    assertThat(GpuAllocator.allocate(one, inventory, held, NONE_OURS))
        .isEqualTo(new Allocation.Granted(List.of(1)));
  }

  @Test
  void twoExperimentsCompetingNeverShareBeyondTheLimit() {
    GpuInventory inventory = machine(2, new int[] {});
    Map<Integer, Integer> held = new HashMap<>();
    GpuRequest single = request(1, 1, null, false);
    GpuRequest pair = request(2, 1, null, false);

    Allocation first = GpuAllocator.allocate(single, inventory, held, NONE_OURS);
    ((Allocation.Granted) first).indices().forEach(index -> held.merge(index, 1, Integer::sum));
    Allocation second = GpuAllocator.allocate(pair, inventory, held, NONE_OURS);

    assertThat(second).isInstanceOf(Allocation.Waiting.class);
    assertThat(((Allocation.Waiting) second).reason())
        .isEqualTo("waiting for 2 GPUs: GPU 0 is held by 1 trial (maxTrialNumberPerGpu: 1)");
  }

  @Test
  void saysWhyATrialWaits() {
    Allocation waiting =
        GpuAllocator.allocate(
            request(1, 1, null, false), machine(2, new int[] {1}), Map.of(0, 1), NONE_OURS);

    assertThat(((Allocation.Waiting) waiting).reason())
        .isEqualTo(
            "waiting for a GPU: GPU 0 is held by 1 trial (maxTrialNumberPerGpu: 1); GPU 1 runs other processes (pid 9001); set trainingService.useActiveGpu: true to share it");
  }

  static Stream<Arguments> impossible() {
    return Stream.of(
        Arguments.of(
            GpuInventory.unavailable("nvidia-smi was not found on the PATH"),
            request(1, 1, null, false),
            "no GPU was found: nvidia-smi was not found on the PATH"),
        Arguments.of(
            GpuInventory.of(List.of(), List.of()),
            request(1, 1, null, false),
            "nvidia-smi lists no GPU on this machine"),
        Arguments.of(
            machine(2, new int[] {}),
            request(3, 1, null, false),
            "each trial asks for 3 GPUs but only 2 can be used (GPU 0, 1)"),
        Arguments.of(
            machine(2, new int[] {}),
            request(1, 1, List.of(1, 4), false),
            "gpuIndices names GPU 4, which this machine does not have; it has GPU 0, 1"),
        Arguments.of(
            machine(4, new int[] {}),
            request(2, 1, List.of(3), false),
            "each trial asks for 2 GPUs but only 1 can be used (GPU 3)"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("impossible")
  void knowsWhatCanNeverBeGranted(GpuInventory inventory, GpuRequest request, String reason) {
    assertThat(GpuAllocator.impossible(request, inventory)).contains(reason);
    assertThat(GpuAllocator.allocate(request, inventory, Map.of(), NONE_OURS))
        .isEqualTo(new Allocation.Waiting(reason));
  }

  @Test
  void aRequestForEveryGpuIsPossible() {
    assertThat(GpuAllocator.impossible(request(1, 1, null, false), machine(1, new int[] {})))
        .isEmpty();
    assertThat(GpuAllocator.impossible(request(8, 1, null, false), machine(8, new int[] {})))
        .isEmpty();
  }
}
