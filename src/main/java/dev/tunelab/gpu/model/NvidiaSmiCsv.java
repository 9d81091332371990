package dev.tunelab.gpu.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parses {@code nvidia-smi}'s CSV output, with or without header and units:
 *
 * <ul>
 *   <li>{@code --query-gpu=index,uuid,name,memory.total,memory.used,memory.free,utilization.gpu}
 *       (further columns are ignored);
 *   <li>{@code --query-compute-apps=pid,gpu_uuid,used_memory}, or with a header any columns that
 *       include {@code pid}, {@code gpu_uuid} and {@code used_gpu_memory}/{@code used_memory}.
 * </ul>
 *
 * Values such as {@code [N/A]} read as 0. A line that cannot be read is an error, not a GPU less.
 */
public final class NvidiaSmiCsv {

  private NvidiaSmiCsv() {}

  /**
   * @throws IllegalArgumentException naming the line that is not a GPU
   */
  public static List<Gpu> gpus(String output) {
    return rows(output, "index").stream()
        .map(
            row -> {
              try {
                return new Gpu(
                    (int) number(row.get(0)),
                    row.get(1),
                    row.get(2),
                    number(row.get(3)),
                    number(row.get(4)),
                    number(row.get(5)),
                    (int) number(row.get(6)));
              } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                    "not a GPU line of nvidia-smi --query-gpu: " + row, e);
              }
            })
        .toList();
  }

  /**
   * @throws IllegalArgumentException naming the line that is not a process
   */
  public static List<GpuProcess> processes(String output) {
    List<String> lines = lines(output);
    Function<List<String>, GpuProcess> read =
        row -> new GpuProcess(Long.parseLong(row.get(0)), row.get(1), number(row.get(2)));
    if (!lines.isEmpty() && lines.get(0).toLowerCase(Locale.ROOT).startsWith("pid")) {
      List<String> header = split(lines.get(0));
      int pid = column(header, "pid");
      int uuid = column(header, "gpu_uuid");
      int memory = column(header, "used_gpu_memory", "used_memory");
      read =
          row ->
              new GpuProcess(Long.parseLong(row.get(pid)), row.get(uuid), number(row.get(memory)));
    }
    List<GpuProcess> processes = new ArrayList<>();
    for (List<String> row : rows(output, "pid")) {
      try {
        processes.add(read.apply(row));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "not a process line of nvidia-smi --query-compute-apps: " + row, e);
      }
    }
    return processes;
  }

  /** The data rows, without a header that starts with {@code firstColumn}. */
  private static List<List<String>> rows(String output, String firstColumn) {
    return lines(output).stream()
        .filter(line -> !line.toLowerCase(Locale.ROOT).startsWith(firstColumn))
        .map(NvidiaSmiCsv::split)
        .toList();
  }

  private static List<String> lines(String output) {
    return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static List<String> split(String line) {
    return List.of(line.split("\\s*,\\s*"));
  }

  private static int column(List<String> header, String... names) {
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).toLowerCase(Locale.ROOT).replaceAll("\\s*\\[.*]", "");
      for (String name : names) {
        if (column.equals(name)) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException(
        "nvidia-smi's header has no column " + String.join(" or ", names) + ": " + header);
  }

  /** A number without its unit; {@code [N/A]} and the like read as 0. */
  private static long number(String text) {
    String digits = text.replaceAll("(?i)\\s*(MiB|%|W)$", "");
    if (digits.startsWith("[")) {
      return 0;
    }
    return digits.contains(".") ? Math.round(Double.parseDouble(digits)) : Long.parseLong(digits);
  }
}
