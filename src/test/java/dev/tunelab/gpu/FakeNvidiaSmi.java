package dev.tunelab.gpu;

import dev.tunelab.TestFiles;
import dev.tunelab.gpu.model.NvidiaSmiOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An {@code nvidia-smi} that replays recorded output: {@code --query-gpu} prints {@code gpus.csv},
 * {@code --query-compute-apps} prints {@code apps.csv}, both from its own folder, and every call is
 * logged. Tests change the machine by rewriting those files.
 */
public final class FakeNvidiaSmi {

  private static final String SCRIPT =
      """
      #!/bin/bash
      dir="$(dirname "$0")"
      echo "$*" >> "$dir/calls.log"
      if [ -e "$dir/fail" ]; then
        echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."
        exit 9
      fi
      case "$*" in
        *--query-gpu=*) cat "$dir/gpus.csv" ;;
        *--query-compute-apps=*) cat "$dir/apps.csv" ;;
        *) echo "fake nvidia-smi: unsupported arguments: $*" >&2; exit 2 ;;
      esac
      """;

  private final Path folder = TestFiles.temporaryFolder("fake-nvidia-smi-");

  /** A machine of {@code gpus} idle H100s, built from the real fixture. */
  public FakeNvidiaSmi(int gpus) {
    write("nvidia-smi", SCRIPT);
    try {
      Files.setPosixFilePermissions(command(), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gpus(NvidiaSmiOutputs.h100s(gpus));
    processes("");
  }

  public Path command() {
    return folder.resolve("nvidia-smi");
  }

  public void gpus(String queryGpuOutput) {
    write("gpus.csv", queryGpuOutput);
  }

  public void processes(String computeAppsOutput) {
    write("apps.csv", computeAppsOutput);
  }

  /** Makes every call fail as nvidia-smi does without a driver, or work again. */
  public void failing(boolean failing) {
    try {
      if (failing) {
        Files.writeString(folder.resolve("fail"), "");
      } else {
        Files.deleteIfExists(folder.resolve("fail"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many times nvidia-smi ran. */
  public long calls() {
    try {
      Path log = folder.resolve("calls.log");
      return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String name, String content) {
    try {
      Files.writeString(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
