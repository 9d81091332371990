package dev.tunelab.gpu.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Real nvidia-smi outputs (src/test/resources/nvidia-smi), and multi-GPU machines built in their
 * image.
 */
public final class NvidiaSmiOutputs {

  /** The fixtures, relative to the repository root where the build runs. */
  public static final Path FIXTURES = Path.of("src/test/resources/nvidia-smi").toAbsolutePath();

  private NvidiaSmiOutputs() {}

  public static String fixture(String machine, String file) {
    try {
      return Files.readString(FIXTURES.resolve(machine).resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code --query-gpu} output of a machine of {@code count} H100s, built from the real idle line:
   * GPU i gets its own UUID and uses {@code usedMib[i]} MiB (0 when not given).
   */
  public static String h100s(int count, long... usedMib) {
    String real = fixture("h100-80gb", "query-gpu-idle-noheader-nounits.csv").strip();
    String[] columns = real.split(", ");
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              long used = i < usedMib.length ? usedMib[i] : 0;
              String[] gpu = columns.clone();
              gpu[0] = Integer.toString(i);
              gpu[1] = uuid(i);
              gpu[4] = Long.toString(used);
              gpu[5] = Long.toString(81559 - used - 480);
              return String.join(", ", gpu);
            })
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** {@code --query-compute-apps} output: a process with this pid on each given GPU index. */
  public static String processes(long pid, int... gpuIndices) {
    return IntStream.of(gpuIndices)
        .mapToObj(index -> (pid + index) + ", " + uuid(index) + ", 1386")
        .collect(Collectors.joining("\n", "", gpuIndices.length == 0 ? "" : "\n"));
  }

  /** The UUID of GPU {@code index} in the built machines (GPU 0 has the real H100's UUID). */
  public static String uuid(int index) {
    return index == 0
        ? "GPU-32128e37-95fb-8080-c3c7-7b793b453797"
        : "GPU-32128e37-95fb-8080-c3c7-7b793b45%04x".formatted(index);
  }
}
