package dev.tunelab.gpu.model;

import static dev.tunelab.gpu.model.NvidiaSmiOutputs.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NvidiaSmiCsvTest {

  @Test
  void readsTheRealH100WhileItWasBusy() {
    assertThat(NvidiaSmiCsv.gpus(fixture("h100-80gb", "query-gpu-busy-noheader-nounits.csv")))
        .containsExactly(
            new Gpu(
                0,
                "GPU-32128e37-95fb-8080-c3c7-7b793b453797",
                "NVIDIA H100 80GB HBM3",
                81559,
                3699,
                77381,
                100));
  }

  @Test
  void readsTheRealH200Idle() {
    assertThat(NvidiaSmiCsv.gpus(fixture("h200-141gb", "query-gpu-idle-noheader-nounits.csv")))
        .containsExactly(
            new Gpu(
                0,
                "GPU-56ff08b5-cbd5-d382-501f-97a8ed1f0b41",
                "NVIDIA H200",
                143771,
                0,
                143156,
                0));
  }

  @Test
  void readsTheOutputWithHeaderAndUnitsToo() {
    assertThat(NvidiaSmiCsv.gpus(fixture("h100-80gb", "query-gpu-idle.csv")))
        .containsExactly(
            new Gpu(
                0,
                "GPU-32128e37-95fb-8080-c3c7-7b793b453797",
                "NVIDIA H100 80GB HBM3",
                81559,
                0,
                81079,
                0));
  }

  @Test
  void readsTheProcessesOfTheRealBusyGpus() {
    assertThat(
            NvidiaSmiCsv.processes(
                fixture("h200-141gb", "query-compute-apps-busy-noheader-nounits.csv")))
        .containsExactly(new GpuProcess(428, "GPU-56ff08b5-cbd5-d382-501f-97a8ed1f0b41", 1386));
    assertThat(NvidiaSmiCsv.processes(fixture("h100-80gb", "query-compute-apps-busy.csv")))
        .containsExactly(new GpuProcess(435, "GPU-32128e37-95fb-8080-c3c7-7b793b453797", 3690));
  }

  @Test
  void readsNoProcessesFromAnIdleGpu() {
    assertThat(NvidiaSmiCsv.processes(fixture("h100-80gb", "query-compute-apps-idle.csv")))
        .isEmpty();
    assertThat(NvidiaSmiCsv.processes("")).isEmpty();
  }

  @Test
  void readsEightGpusBuiltInTheImageOfTheRealOne() {
    assertThat(NvidiaSmiCsv.gpus(NvidiaSmiOutputs.h100s(8, 0, 1000)))
        .hasSize(8)
        .extracting(Gpu::index, Gpu::memoryUsedMib)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(0, 0L),
            org.assertj.core.groups.Tuple.tuple(1, 1000L));
  }

  @Test
  void readsNotAvailableValuesAsZero() {
    assertThat(NvidiaSmiCsv.processes("123, GPU-x, [N/A]\n"))
        .containsExactly(new GpuProcess(123, "GPU-x", 0));
  }

  @Test
  void rejectsALineThatIsNotAGpu() {
    assertThatThrownBy(
            () ->
                NvidiaSmiCsv.gpus(
                    "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a GPU line");
  }
}
