package dev.tunelab.gpu;

import dev.tunelab.TunelabProperties;
import dev.tunelab.gpu.model.GpuInventory;
import dev.tunelab.gpu.model.NvidiaSmiCsv;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the machine's GPUs with {@code nvidia-smi}. A reading is reused for the refresh interval,
 * failures included, so however many trials wait for GPUs, {@code nvidia-smi} runs at most once per
 * interval and never twice at once. Thread-safe.
 */
@Component
public class NvidiaSmiProbe {

  static final String GPU_QUERY =
      "--query-gpu=index,uuid,name,memory.total,memory.used,memory.free,utilization.gpu";
  static final String PROCESS_QUERY = "--query-compute-apps=pid,gpu_uuid,used_memory";
  private static final String FORMAT = "--format=csv,noheader,nounits";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(NvidiaSmiProbe.class);

  private final String command;
  private final Duration refreshInterval;
  private final Clock clock;
  private GpuInventory reading;
  private Instant readAt = Instant.MIN;
  private String lastProblem;

  @Autowired
  public NvidiaSmiProbe(TunelabProperties properties, Clock clock) {
    this(properties.gpus().nvidiaSmi(), properties.gpus().refreshInterval(), clock);
  }

  NvidiaSmiProbe(String command, Duration refreshInterval, Clock clock) {
    this.command = command;
    this.refreshInterval = refreshInterval;
    this.clock = clock;
  }

  /** The machine's GPUs and their processes, at most one refresh interval old. */
  public synchronized GpuInventory inventory() {
    Instant now = clock.instant();
    if (reading == null || !now.isBefore(readAt.plus(refreshInterval))) {
      reading = read();
      readAt = now;
      if (reading.problem() != null && !reading.problem().equals(lastProblem)) {
        log.warn("No GPUs: {}", reading.problem());
      }
      lastProblem = reading.problem();
    }
    return reading;
  }

  /** How long a reading is reused; trials waiting for GPUs look again this often. */
  public Duration refreshInterval() {
    return refreshInterval;
  }

  private GpuInventory read() {
    try {
      String gpus = run(GPU_QUERY);
      String processes = run(PROCESS_QUERY);
      return GpuInventory.of(NvidiaSmiCsv.gpus(gpus), NvidiaSmiCsv.processes(processes));
    } catch (ProbeFailure | IllegalArgumentException e) {
      return GpuInventory.unavailable(e.getMessage());
    }
  }

  private String run(String query) {
    Path output = null;
    try {
      output = Files.createTempFile("tunelab-nvidia-smi", ".csv");
      Process process;
      try {
        process =
            new ProcessBuilder(command, query, FORMAT)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(output.toFile())
                .start();
      } catch (IOException e) {
        throw new ProbeFailure(
            command
                + " could not be run ("
                + e.getMessage()
                + "); is the NVIDIA driver installed?");
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ProbeFailure(command + " did not answer within " + TIMEOUT.toSeconds() + " s");
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new ProbeFailure(
            command + " failed with exit code " + process.exitValue() + ": " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new ProbeFailure("could not read the output of " + command + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeFailure("interrupted while waiting for " + command);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  private static final class ProbeFailure extends RuntimeException {
    ProbeFailure(String message) {
      super(message);
    }
  }
}
