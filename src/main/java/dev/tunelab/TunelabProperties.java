package dev.tunelab;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunelab's settings, under {@code tunelab.} (environment: {@code TUNELAB_...}).
 *
 * @param home holds the embedded database and the default experiment folders
 * @param trials how trials are run and watched
 */
@ConfigurationProperties("tunelab")
public record TunelabProperties(Path home, @DefaultValue Trials trials, @DefaultValue Gpus gpus) {

  /** Where experiment folders go when a config names no {@code experimentWorkingDirectory}. */
  public Path experimentsDirectory() {
    return home.resolve("experiments");
  }

  /**
   * @param killGrace how long a trial has after SIGTERM before its process group gets SIGKILL
   * @param metricsPollInterval how often running trials' metric files are checked for growth
   * @param maxFailuresBeforeAnySuccess how many trials in a row may fail before the first success
   *     before the experiment ends with an error, so a broken trial command does not spin
   */
  public record Trials(
      @DefaultValue("5s") Duration killGrace,
      @DefaultValue("200ms") Duration metricsPollInterval,
      @DefaultValue("10") int maxFailuresBeforeAnySuccess) {}

  /**
   * @param nvidiaSmi the {@code nvidia-smi} to run: a name looked up on the PATH, or a path
   * @param refreshInterval how long a reading of the GPUs is reused; nvidia-smi never runs more
   *     often than this
   */
  public record Gpus(
      @DefaultValue("nvidia-smi") String nvidiaSmi, @DefaultValue("5s") Duration refreshInterval) {}
}
