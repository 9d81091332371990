package dev.tunelab.experiment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An experiment and its lifecycle. Status changes are guarded verbs that check the current status;
 * the time spent active is accumulated so that {@code maxExperimentDuration} counts only that.
 */
@Entity
@Table(name = "experiment")
public class Experiment {

  private static final int MAX_MESSAGE = 10_000;

  @Id private String id;
  private String name;

  @Enumerated(EnumType.STRING)
  private ExperimentStatus status;

  private String message;
  private String config;
  private long tunerSeed;
  private Instant submittedAt;
  private Instant startedAt;
  private Instant endedAt;
  private long activeMillis;
  private Instant activeSince;
  @Version private Long version;

  protected Experiment() {}

  Experiment(String id, String name, String configJson, long tunerSeed, Instant now) {
    this.id = id;
    this.name = name;
    this.status = ExperimentStatus.INITIALIZED;
    this.config = configJson;
    this.tunerSeed = tunerSeed;
    this.submittedAt = now;
  }

  /** Starts a new experiment, or resumes one that ended. */
  void start(Instant now) {
    require(
        EnumSet.of(
            ExperimentStatus.INITIALIZED,
            ExperimentStatus.STOPPED,
            ExperimentStatus.DONE,
            ExperimentStatus.ERROR),
        "start");
    if (startedAt == null) {
      startedAt = now;
    }
    endedAt = null;
    message = null;
    status = ExperimentStatus.RUNNING;
    activeSince = now;
  }

  /**
   * Moves between the active statuses (RUNNING, NO_MORE_TRIAL, TUNER_NO_MORE_TRIAL) as budgets and
   * the tuner allow.
   */
  void markActive(ExperimentStatus active) {
    if (!active.isActive()) {
      throw new IllegalArgumentException(active + " is not an active status");
    }
    require(
        EnumSet.of(
            ExperimentStatus.RUNNING,
            ExperimentStatus.NO_MORE_TRIAL,
            ExperimentStatus.TUNER_NO_MORE_TRIAL),
        "continue as " + active);
    status = active;
  }

  void markDone(Instant now) {
    require(
        EnumSet.of(
            ExperimentStatus.RUNNING,
            ExperimentStatus.NO_MORE_TRIAL,
            ExperimentStatus.TUNER_NO_MORE_TRIAL),
        "finish");
    end(ExperimentStatus.DONE, now);
  }

  void markStopping(Instant now) {
    require(
        EnumSet.of(
            ExperimentStatus.INITIALIZED,
            ExperimentStatus.RUNNING,
            ExperimentStatus.NO_MORE_TRIAL,
            ExperimentStatus.TUNER_NO_MORE_TRIAL),
        "stop");
    pauseClock(now);
    status = ExperimentStatus.STOPPING;
  }

  void markStopped(Instant now) {
    require(EnumSet.of(ExperimentStatus.STOPPING), "mark stopped");
    end(ExperimentStatus.STOPPED, now);
  }

  /** Ends the experiment with an error that the user reads in {@link #message()}. */
  void fail(String reason, Instant now) {
    require(
        EnumSet.complementOf(
            EnumSet.of(ExperimentStatus.DONE, ExperimentStatus.STOPPED, ExperimentStatus.ERROR)),
        "fail");
    end(ExperimentStatus.ERROR, now);
    message = reason.length() > MAX_MESSAGE ? reason.substring(0, MAX_MESSAGE) : reason;
  }

  /** Stops counting active time while Tunelab itself is down; the status is kept for resuming. */
  void pauseClock(Instant now) {
    if (activeSince != null) {
      activeMillis += Math.max(0, Duration.between(activeSince, now).toMillis());
      activeSince = null;
    }
  }

  /** Counts active time again after Tunelab restarted. */
  void resumeClock(Instant now) {
    if (status.isActive() && activeSince == null) {
      activeSince = now;
    }
  }

  void changeConfig(String configJson) {
    this.config = configJson;
  }

  private void end(ExperimentStatus ended, Instant now) {
    pauseClock(now);
    status = ended;
    endedAt = now;
  }

  private void require(Set<ExperimentStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new IllegalStatusException(
          "Experiment " + id + " is " + status + " and cannot " + action + " now");
    }
  }

  /** Time spent in an active status, the clock of {@code maxExperimentDuration}. */
  public Duration activeDuration(Instant now) {
    long running =
        activeSince == null ? 0 : Math.max(0, Duration.between(activeSince, now).toMillis());
    return Duration.ofMillis(activeMillis + running);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ExperimentStatus status() {
    return status;
  }

  public String message() {
    return message;
  }

  public String config() {
    return config;
  }

  public long tunerSeed() {
    return tunerSeed;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
